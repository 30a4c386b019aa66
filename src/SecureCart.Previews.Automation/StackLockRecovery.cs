using System.Globalization;
using Microsoft.Extensions.Options;
using Pulumi.Automation.Commands.Exceptions;
using SecureCart.Previews.Engine;

namespace SecureCart.Previews.Automation;

/// <summary>
/// Runs a stack operation and gets past a lock left by a worker that is gone. The job queue gives one worker at a
/// time the right to an environment, so a lock met by the worker holding that right was left by an earlier
/// holder that died or was fenced off. `pulumi cancel` clears it in the way the backend allows: a DIY backend
/// (file, S3) deletes every lock file under .pulumi/locks/&lt;org&gt;/&lt;project&gt;/&lt;stack&gt;/, Pulumi Cloud
/// cancels the update in flight (pulumi/pulumi pkg/backend/diy/backend.go CancelCurrentUpdate, pkg/cmd/pulumi/cancel).
/// Then it tries again with a growing wait, and in the end fails with the lock holder as the reason.
/// </summary>
internal sealed partial class StackLockRecovery(IOptions<PulumiEngineOptions> options, TimeProvider time, ILogger<StackLockRecovery> logger)
{
    public async Task<T> RunAsync<T>(
        string stackName,
        IEngineEventSink events,
        Func<CancellationToken, Task<T>> attempt,
        Func<CancellationToken, Task> recover,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(attempt);
        ArgumentNullException.ThrowIfNull(recover);
        var settings = options.Value;
        var delay = TimeSpan.FromSeconds(settings.LockFirstDelaySeconds);
        var started = time.GetTimestamp();
        for (var tries = 1; ; tries++)
        {
            ConcurrentUpdateException locked;
            try
            {
                return await attempt(cancellationToken);
            }
            catch (ConcurrentUpdateException ex)
            {
                locked = ex;
            }

            var holder = LockHolder(locked);
            if (tries >= settings.LockAttempts)
            {
                var elapsed = time.GetElapsedTime(started);
                throw new EngineFailedException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"stack {stackName} stayed locked through {tries} attempts over {elapsed.TotalSeconds:0} s, though each retry first cleared the lock with `pulumi cancel`: {holder}. Another update may still be running; once it has ended, retry the operation."),
                    locked);
            }

            LogStackLocked(logger, stackName, tries, settings.LockAttempts, delay);
            await events.WriteAsync(new EngineEvent("lock", string.Create(CultureInfo.InvariantCulture, $"stack {stackName} is locked ({holder}); clearing the lock and retrying in {delay.TotalSeconds:0.#} s (attempt {tries + 1} of {settings.LockAttempts})")), cancellationToken);
            try
            {
                await recover(cancellationToken);
            }
            catch (CommandException ex) when (ex is not ConcurrentUpdateException)
            {
                // Nothing to cancel (the holder just finished) or the backend refused: the retry tells which.
                var reason = FirstLine(ex);
                LogCancelFailed(logger, stackName, reason);
            }

            await Task.Delay(delay, time, cancellationToken);
            delay = TimeSpan.FromSeconds(Math.Min(delay.TotalSeconds * 2, settings.LockMaxDelaySeconds));
        }
    }

    /// <summary>The CLI's own words about who holds the lock (DIY: the lock file, user, host, pid, time; Cloud: the 409).</summary>
    internal static string LockHolder(CommandException exception)
    {
        var error = StandardError(exception);
        var start = error.IndexOf("the stack is currently locked", StringComparison.Ordinal);
        if (start < 0)
        {
            start = error.IndexOf("[409]", StringComparison.Ordinal);
        }

        var text = start < 0 ? error : error[start..];
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        // A lock file line names who and where; the first line alone says only "locked".
        var holder = lines.FirstOrDefault(l => l.Contains("created by", StringComparison.Ordinal)) ?? lines.FirstOrDefault() ?? "locked";
        return holder.Length > 300 ? holder[..300] : holder;
    }

    private static string FirstLine(CommandException exception) =>
        StandardError(exception).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? exception.Name;

    // CommandException's message is "code: …\nstdout: …\nstderr: …"; the CLI's reason is in stderr.
    private static string StandardError(CommandException exception)
    {
        var message = exception.Message;
        var at = message.IndexOf("stderr:", StringComparison.Ordinal);
        return at < 0 ? message : message[(at + "stderr:".Length)..].Trim();
    }

    [LoggerMessage(EventId = 2403, Level = LogLevel.Warning, Message = "Stack {StackName} locked on attempt {Attempt} of {Attempts}; clearing the lock, retrying in {Delay}")]
    private static partial void LogStackLocked(ILogger logger, string stackName, int attempt, int attempts, TimeSpan delay);

    [LoggerMessage(EventId = 2404, Level = LogLevel.Information, Message = "pulumi cancel on {StackName} did not run: {Reason}")]
    private static partial void LogCancelFailed(ILogger logger, string stackName, string reason);
}
