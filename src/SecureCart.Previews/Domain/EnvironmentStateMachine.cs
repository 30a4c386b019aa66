namespace SecureCart.Previews.Domain;

/// <summary>
/// The only place that says how an environment's status may change: which operation may start from which status, the
/// status it holds while that operation runs, and the status the operation's end leaves behind. Create, extend, delete,
/// cancel, the worker and the reaper all ask here instead of checking statuses themselves.
/// </summary>
internal static class EnvironmentStateMachine
{
    /// <summary>The status nothing leaves: the environment's resources are gone and its name is free again.</summary>
    public const EnvironmentStatus Final = EnvironmentStatus.Destroyed;

    /// <summary>The statuses a destroy may start from (and so the ones the reaper expires): nothing is running on them.</summary>
    public static readonly IReadOnlyList<EnvironmentStatus> DestroyableStatuses = [EnvironmentStatus.Ready, EnvironmentStatus.Failed];

    /// <summary>Whether an operation of <paramref name="kind"/> may start on an environment that is in <paramref name="status"/>.</summary>
    /// <remarks>An up only ever starts on a new environment (see <see cref="Running"/>); an existing one is never brought up again.</remarks>
    public static bool MayStart(EnvironmentStatus status, OperationKind kind) => kind switch
    {
        OperationKind.Up => false,
        OperationKind.Destroy => DestroyableStatuses.Contains(status),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown operation kind"),
    };

    /// <summary>Whether the expiry may be pushed back: not once a destroy has been asked for.</summary>
    public static bool MayExtend(EnvironmentStatus status) => status is not (EnvironmentStatus.Destroying or Final);

    /// <summary>Whether the environment still counts against its team's quotas and holds its name.</summary>
    public static bool IsLive(EnvironmentStatus status) => status != Final;

    /// <summary>The status an environment holds from the moment an operation of <paramref name="kind"/> is queued until it ends.</summary>
    public static EnvironmentStatus Running(OperationKind kind) => kind switch
    {
        OperationKind.Up => EnvironmentStatus.Provisioning,
        OperationKind.Destroy => EnvironmentStatus.Destroying,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown operation kind"),
    };

    /// <summary>The status an operation's end leaves the environment in.</summary>
    /// <param name="kind">What the operation did.</param>
    /// <param name="end">How it ended: succeeded, failed or cancelled.</param>
    /// <param name="started">Whether a worker ever claimed it (a destroy cancelled before that changed nothing).</param>
    /// <param name="wasReady">Whether the environment had been brought up (it has a URL) before this operation.</param>
    public static EnvironmentStatus Finished(OperationKind kind, OperationStatus end, bool started, bool wasReady)
    {
        if (end is OperationStatus.Queued or OperationStatus.Running)
        {
            throw new ArgumentOutOfRangeException(nameof(end), end, "an operation ends succeeded, failed or cancelled");
        }

        return (kind, end) switch
        {
            (OperationKind.Up, OperationStatus.Succeeded) => EnvironmentStatus.Ready,
            (OperationKind.Destroy, OperationStatus.Succeeded) => Final,

            // Nothing ran: the environment is as it was before the destroy was asked for.
            (OperationKind.Destroy, OperationStatus.Cancelled) when !started => wasReady ? EnvironmentStatus.Ready : EnvironmentStatus.Failed,

            // A failed or cancelled run may have left part of the stack behind; delete removes it.
            (OperationKind.Up or OperationKind.Destroy, _) => EnvironmentStatus.Failed,
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown operation kind"),
        };
    }
}
