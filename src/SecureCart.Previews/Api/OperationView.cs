namespace SecureCart.Previews.Api;

public sealed record OperationView(
    Guid Id,
    Guid EnvironmentId,
    string Kind,
    string Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    int Attempts,
    bool CancelRequested,
    string? Error,
    string Events);
