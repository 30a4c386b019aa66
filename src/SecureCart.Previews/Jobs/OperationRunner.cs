using System.Collections.Immutable;
using Microsoft.Extensions.Options;
using SecureCart.Previews.Domain;
using SecureCart.Previews.Engine;
using SecureCart.Previews.Environments;
using SecureCart.Previews.Logging;
using SecureCart.Previews.Options;

namespace SecureCart.Previews.Jobs;

/// <summary>
/// Runs one claimed operation on the engine under a <see cref="LeaseGuard"/>, then records the outcome exactly once:
/// a finished result is retried until the database takes it (fenced by the claim's token), never dropped on a blip.
/// </summary>
internal sealed class OperationRunner(
    OperationQueue queue, IPreviewEngine engine, ForegroundRequests foreground, IOptions<WorkerOptions> options, TimeProvider time, ILogger<OperationRunner> logger)
{
    private static readonly TimeSpan s_maxCompletionBackoff = TimeSpan.FromSeconds(2);

    public async Task RunAsync(OperationClaim claim, CancellationToken stopping)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var timing = LeaseTiming.From(options.Value);
        using var run = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        var guard = new LeaseGuard(queue, engine, claim, timing, time, logger, run);
        var heartbeat = guard.RunAsync();
        var started = time.GetTimestamp();
        OperationOutcome? outcome = null;
        try
        {
            var sink = new FencedEventSink(queue, claim, timing.RetryEvery, logger);
            var result = claim.Kind switch
            {
                OperationKind.Up => await engine.UpAsync(claim.Request, sink, run.Token),
                OperationKind.Destroy => await engine.DestroyAsync(claim.Request, sink, run.Token),
                _ => throw new InvalidOperationException($"unknown operation kind {claim.Kind}"),
            };
            outcome = new OperationOutcome(OperationStatus.Succeeded, result.Summary, result.Outputs, null);
            // The result's write (two round trips and a commit) gives way to creates in flight too, within the bound,
            // while the lease is still renewed. A stopping replica stops waiting and records the result at once.
            await ((Task)foreground.WaitQuietAsync(TimeSpan.FromMilliseconds(options.Value.MaxYieldMilliseconds), ForegroundRequests.Settle, stopping))
                .ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
        catch (Exception ex) when (ex is LeaseLostException || guard.LeaseLost)
        {
            Log.LeaseLost(logger, claim.OperationId, claim.WorkerId, claim.FencingToken);
        }
#pragma warning disable CA1031 // The engine was stopped to protect the lease; whatever it threw, nothing is recorded and the lease decides.
        catch (Exception) when (guard.StoppedForLease)
#pragma warning restore CA1031
        {
            // The database could not be reached in time: the operation stays Running until its lease ends, then any
            // worker resumes it. Releasing it here would need the very database that is unreachable.
        }
#pragma warning disable CA1031 // However the engine reacts to a cancel (cancelled token or its own error), the result is "cancelled".
        catch (Exception) when (guard.CancelRequested)
#pragma warning restore CA1031
        {
            outcome = new OperationOutcome(OperationStatus.Cancelled, "cancelled", ImmutableDictionary<string, string>.Empty, "cancelled on request");
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            Log.OperationReleased(logger, claim.OperationId, claim.WorkerId);
            await ReleaseQuietlyAsync(claim);
        }
        catch (EngineFailedException ex)
        {
            outcome = new OperationOutcome(OperationStatus.Failed, "failed", ImmutableDictionary<string, string>.Empty, ex.Message);
        }
#pragma warning disable CA1031 // Any engine fault becomes the operation's error: the job must end failed, never stuck.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Log.EngineFault(logger, ex, claim.OperationId);
            outcome = new OperationOutcome(OperationStatus.Failed, "failed", ImmutableDictionary<string, string>.Empty, $"engine error ({ex.GetType().Name}): {ex.Message}");
        }
        finally
        {
            guard.Finish();
            await run.CancelAsync();
            await heartbeat;
        }

        if (outcome is not null && !guard.LeaseLost)
        {
            await CompleteDurablyAsync(claim, outcome, started);
        }
    }

    /// <summary>
    /// The engine has finished, so no second run can overlap this one; what remains is to write the result. It is
    /// retried until it lands or the fence says another worker took over, even past the lease end: the token, not the
    /// clock, decides whether the write is still this worker's to make.
    /// </summary>
    private async Task CompleteDurablyAsync(OperationClaim claim, OperationOutcome outcome, long started)
    {
        var backoff = TimeSpan.FromMilliseconds(100);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await queue.CompleteAsync(claim, outcome, CancellationToken.None);
                if (attempt > 1)
                {
                    Log.CompletionWritten(logger, claim.OperationId, attempt);
                }

                var elapsed = time.GetElapsedTime(started);
                Log.OperationFinished(logger, claim.OperationId, claim.Kind, outcome.Status, elapsed);
                return;
            }
            catch (LeaseLostException)
            {
                Log.LeaseLost(logger, claim.OperationId, claim.WorkerId, claim.FencingToken);
                return;
            }
#pragma warning disable CA1031 // The database is unreachable or failed the transaction: the result is kept and written again.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                if (attempt == 1)
                {
                    Log.CompletionRetrying(logger, ex, claim.OperationId, outcome.Status);
                }

                await Task.Delay(backoff);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, s_maxCompletionBackoff.Ticks));
            }
        }
    }

    private async Task ReleaseQuietlyAsync(OperationClaim claim)
    {
        try
        {
            await queue.ReleaseAsync(claim, CancellationToken.None);
        }
#pragma warning disable CA1031 // Releasing only hurries the hand-over; if it fails, the lease ends and another worker resumes.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Log.ReleaseFailed(logger, ex, claim.OperationId);
        }
    }
}
