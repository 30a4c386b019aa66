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
}
