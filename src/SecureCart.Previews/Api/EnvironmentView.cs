namespace SecureCart.Previews.Api;

/// <param name="CreatesResources">False when the plan-only engine runs: nothing exists in the cloud.</param>
public sealed record EnvironmentView(
    Guid Id,
    string Team,
    string Name,
    string? GitRef,
    string? ImageTag,
    string Size,
    string Status,
    string? StatusReason,
    string? Url,
    IReadOnlyDictionary<string, string> Outputs,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt,
    DateTimeOffset? DestroyedAt,
    decimal EstimatedCostPerHour,
    decimal EstimatedCostPerMonth,
    decimal EstimatedCostSoFar,
    Guid? ActiveOperationId,
    Guid LastOperationId,
    string Engine,
    bool CreatesResources,
    string? Notice);
