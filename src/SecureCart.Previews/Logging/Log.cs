namespace SecureCart.Previews.Logging;

/// <summary>Previews owns event ids 2000-2999: 20xx host and auth, 21xx operations, 22xx reaper, 23xx audit.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Warning, Message = "Development admin key of team {Team} from configuration is active; never set it in production")]
    public static partial void DevelopmentKeyEnsured(ILogger logger, string team);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Information, Message = "API key {KeyId} ({Prefix}…) revoked")]
    public static partial void KeyRevoked(ILogger logger, Guid keyId, string prefix);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Information, Message = "State store {Provider} migrated; engine {Engine}")]
    public static partial void Started(ILogger logger, string provider, string engine);

    [LoggerMessage(EventId = 2010, Level = LogLevel.Information, Message = "Authentication failed: {Reason}")]
    public static partial void AuthenticationFailed(ILogger logger, string reason);

    [LoggerMessage(EventId = 2020, Level = LogLevel.Error, Message = "Unhandled error on {Path}")]
    public static partial void UnhandledError(ILogger logger, Exception exception, string path);

    [LoggerMessage(EventId = 2021, Level = LogLevel.Warning, Message = "State store unreachable on {Path} ({Error}); answered 503")]
    public static partial void StateUnavailable(ILogger logger, string path, string error);

    [LoggerMessage(EventId = 2100, Level = LogLevel.Information, Message = "Worker {WorkerId} started with {Slots} slots")]
    public static partial void WorkerStarted(ILogger logger, string workerId, int slots);

    [LoggerMessage(EventId = 2101, Level = LogLevel.Information, Message = "Operation {OperationId} ({Kind}) ended {Status} after {Elapsed}")]
    public static partial void OperationFinished(ILogger logger, Guid operationId, SecureCart.Previews.Domain.OperationKind kind, SecureCart.Previews.Domain.OperationStatus status, TimeSpan elapsed);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Warning, Message = "Operation {OperationId}: {WorkerId} lost its lease (fencing token {FencingToken}); it writes nothing more")]
    public static partial void LeaseLost(ILogger logger, Guid operationId, string workerId, long fencingToken);

    [LoggerMessage(EventId = 2103, Level = LogLevel.Information, Message = "Operation {OperationId} handed back to the queue by {WorkerId} (shutting down)")]
    public static partial void OperationReleased(ILogger logger, Guid operationId, string workerId);

    [LoggerMessage(EventId = 2104, Level = LogLevel.Error, Message = "Operation {OperationId}: engine fault")]
    public static partial void EngineFault(ILogger logger, Exception exception, Guid operationId);

    [LoggerMessage(EventId = 2105, Level = LogLevel.Error, Message = "Worker slot {SlotId} fault; retrying")]
    public static partial void WorkerFault(ILogger logger, Exception exception, string slotId);

    [LoggerMessage(EventId = 2106, Level = LogLevel.Information, Message = "Operation {OperationId}: cancel requested")]
    public static partial void CancelRequested(ILogger logger, Guid operationId);

    [LoggerMessage(EventId = 2200, Level = LogLevel.Information, Message = "Reaper queued destroy of expired environment {EnvironmentId} ({Team}/{Name})")]
    public static partial void Reaped(ILogger logger, Guid environmentId, string team, string name);

    [LoggerMessage(EventId = 2201, Level = LogLevel.Error, Message = "Reaper sweep failed; retrying next interval")]
    public static partial void ReaperFault(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 2107, Level = LogLevel.Warning, Message = "Operation {OperationId}: lease renewal failing; retrying, the engine is stopped in {Remaining} if it keeps failing")]
    public static partial void LeaseRenewalFailing(ILogger logger, Exception exception, Guid operationId, TimeSpan remaining);

    [LoggerMessage(EventId = 2108, Level = LogLevel.Information, Message = "Operation {OperationId}: lease renewed again after {Failures} failed attempts")]
    public static partial void LeaseRenewedAgain(ILogger logger, Guid operationId, int failures);

    [LoggerMessage(EventId = 2109, Level = LogLevel.Error, Message = "Operation {OperationId}: {WorkerId} could not renew its lease (ends {LeaseUntil}); engine stopped before another worker may claim it")]
    public static partial void EngineStoppedForLease(ILogger logger, Guid operationId, string workerId, DateTimeOffset leaseUntil);

    [LoggerMessage(EventId = 2110, Level = LogLevel.Warning, Message = "Operation {OperationId}: the engine's cancel failed")]
    public static partial void EngineCancelFailed(ILogger logger, Exception exception, Guid operationId);

    [LoggerMessage(EventId = 2111, Level = LogLevel.Warning, Message = "Operation {OperationId}: writing the {Status} result failed; it is kept and retried until it lands")]
    public static partial void CompletionRetrying(ILogger logger, Exception exception, Guid operationId, SecureCart.Previews.Domain.OperationStatus status);

    [LoggerMessage(EventId = 2112, Level = LogLevel.Information, Message = "Operation {OperationId}: result written on attempt {Attempt}")]
    public static partial void CompletionWritten(ILogger logger, Guid operationId, int attempt);

    [LoggerMessage(EventId = 2113, Level = LogLevel.Warning, Message = "Operation {OperationId}: writing engine events failed; the engine waits and the write is retried")]
    public static partial void EventWriteRetrying(ILogger logger, Exception exception, Guid operationId);

    [LoggerMessage(EventId = 2114, Level = LogLevel.Warning, Message = "Operation {OperationId}: handing it back failed; its lease will end and another worker resumes it")]
    public static partial void ReleaseFailed(ILogger logger, Exception exception, Guid operationId);

    [LoggerMessage(EventId = 2300, Level = LogLevel.Warning, Message = "Audit chain is not anchored outside the database (Previews:Audit:AnchorPath is empty): a rewrite by someone holding the HMAC key would go unnoticed")]
    public static partial void AuditNotAnchored(ILogger logger);

    [LoggerMessage(EventId = 2301, Level = LogLevel.Error, Message = "Writing the audit anchor failed; retrying next interval")]
    public static partial void AuditAnchorFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 2400, Level = LogLevel.Information, Message = "Request of {Actor} (team {Team}) to {Path} refused: rate limit")]
    public static partial void RateLimited(ILogger logger, string team, string actor, string path);

    [LoggerMessage(EventId = 2401, Level = LogLevel.Information, Message = "Retention sweep removed {IdempotencyKeys} idempotency keys and {OperationEvents} operation events")]
    public static partial void RetentionSwept(ILogger logger, int idempotencyKeys, int operationEvents);

    [LoggerMessage(EventId = 2402, Level = LogLevel.Error, Message = "Retention sweep failed; retrying next interval")]
    public static partial void RetentionFault(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 2403, Level = LogLevel.Debug, Message = "Retention sweep skipped: another replica holds the sweep lock")]
    public static partial void RetentionSkipped(ILogger logger);
}
