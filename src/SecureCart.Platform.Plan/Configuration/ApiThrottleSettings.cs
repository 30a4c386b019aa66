namespace SecureCart.Platform.Plan.Configuration;

/// <summary>Steady-state rate and burst of the regional public API.</summary>
public sealed record ApiThrottleSettings(int RateLimit, int BurstLimit);
