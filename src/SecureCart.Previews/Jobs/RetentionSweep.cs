namespace SecureCart.Previews.Jobs;

/// <summary>What one sweep removed.</summary>
internal sealed record RetentionSweep(int IdempotencyKeys, int OperationEvents);
