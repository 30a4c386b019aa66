namespace SecureCart.Platform.Plan.Configuration;

/// <summary>Task counts of a weight-1 service; each service scales them by its weight.</summary>
public sealed record TaskCounts(int Min, int Desired, int Max);
