namespace SecureCart.Platform.Plan.Ingress;

/// <summary>
/// A REST API usage plan: the throttle (and daily quota) each API key on it gets, so one client's burst cannot take
/// another's share of the stage limit. Keys identify clients; they are not credentials.
/// </summary>
/// <param name="QuotaPerDay">Requests per key per day, or null for none.</param>
public sealed record UsagePlanPlan(string LogicalName, string Name, int RateLimit, int BurstLimit, int? QuotaPerDay);
