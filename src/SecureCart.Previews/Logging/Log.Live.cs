namespace SecureCart.Previews.Logging;

/// <summary>Live updates, notices before expiry and the orphan sweep (2500–2599), apart so each area's events stay together.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 2500, Level = LogLevel.Warning, Message = "Event listener lost its database connection; reconnecting in {Delay}")]
    public static partial void ListenerLost(ILogger logger, Exception exception, TimeSpan delay);

    [LoggerMessage(EventId = 2501, Level = LogLevel.Information, Message = "Event listener reconnected; {Watchers} watchers read what they missed")]
    public static partial void ListenerReconnected(ILogger logger, int watchers);

    [LoggerMessage(EventId = 2502, Level = LogLevel.Warning, Message = "Operation {OperationId}: a watcher cannot read events (database unreachable); the stream stays open and catches up")]
    public static partial void WatchReadFailed(ILogger logger, Exception exception, Guid operationId);

    [LoggerMessage(EventId = 2503, Level = LogLevel.Information, Message = "Operation {OperationId}: a watcher reads events again after {Failures} failed reads")]
    public static partial void WatchResumed(ILogger logger, Guid operationId, int failures);

    [LoggerMessage(EventId = 2540, Level = LogLevel.Warning, Message = "Orphan stack {StackName}: no live environment owns it (destroy configured: {Destroy})")]
    public static partial void OrphanStack(ILogger logger, string stackName, bool destroy);

    [LoggerMessage(EventId = 2541, Level = LogLevel.Warning, Message = "Environment {EnvironmentId} ({Team}/{Name}) is ready but its stack {StackName} is gone from the backend")]
    public static partial void StacklessEnvironment(ILogger logger, Guid environmentId, string team, string name, string stackName);

    [LoggerMessage(EventId = 2542, Level = LogLevel.Information, Message = "Orphan stack {StackName} destroyed and removed")]
    public static partial void OrphanStackDestroyed(ILogger logger, string stackName);

    [LoggerMessage(EventId = 2543, Level = LogLevel.Error, Message = "Orphan stack {StackName}: destroy failed; reported, retried next sweep")]
    public static partial void OrphanStackDestroyFailed(ILogger logger, Exception exception, string stackName);

    [LoggerMessage(EventId = 2544, Level = LogLevel.Error, Message = "Orphan sweep failed; retrying next interval")]
    public static partial void OrphanSweepFault(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 2520, Level = LogLevel.Information, Message = "Notice for environment {EnvironmentId} ({LeadMinutes} min before expiry) sent by {Channel}")]
    public static partial void NoticeSent(ILogger logger, Guid environmentId, int leadMinutes, string channel);

    [LoggerMessage(EventId = 2521, Level = LogLevel.Warning, Message = "Notice for environment {EnvironmentId} by {Channel}: attempt {Attempt} failed ({Error}); retrying in {Delay}")]
    public static partial void NoticeRetrying(ILogger logger, Guid environmentId, string channel, int attempt, TimeSpan delay, string error);

    [LoggerMessage(EventId = 2522, Level = LogLevel.Error, Message = "Notice for environment {EnvironmentId} by {Channel} failed after {Attempts} attempts; not retried")]
    public static partial void NoticeFailed(ILogger logger, Exception exception, Guid environmentId, string channel, int attempts);

    [LoggerMessage(EventId = 2523, Level = LogLevel.Information, Message = "Notice for environment {EnvironmentId} ({LeadMinutes} min, {Channel}) not sent: {Reason}")]
    public static partial void NoticeSkipped(ILogger logger, Guid environmentId, int leadMinutes, string channel, string reason);

    [LoggerMessage(EventId = 2524, Level = LogLevel.Error, Message = "Notice round failed; retrying next interval")]
    public static partial void NoticeJobFault(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 2525, Level = LogLevel.Information, Message = "Environment {EnvironmentId} extended by its notice's link; expires {ExpiresAt}")]
    public static partial void ExtendedByLink(ILogger logger, Guid environmentId, DateTimeOffset expiresAt);
}
