using SecureCart.Previews.Engine;
using SecureCart.Previews.Logging;

namespace SecureCart.Previews.Jobs;

/// <summary>
/// Keeps one claim's lease alive while its engine runs, and stops the engine before the lease can run out.
/// A renewal that fails for any reason other than a lost fence (database down, network cut, timeout) is retried
/// until the last confirmed lease end minus the safety margin; at that point the engine is cancelled, so that it has
/// stopped before any other worker is allowed to claim the operation. Only a confirmed renewal moves the deadline.
/// </summary>
internal sealed class LeaseGuard(
    OperationQueue queue, IPreviewEngine engine, OperationClaim claim, LeaseTiming timing, TimeProvider time, ILogger logger, CancellationTokenSource run)
{
    private volatile bool _done;
    private volatile bool _cancelRequested;
    private volatile bool _leaseLost;
    private volatile bool _stoppedForLease;

    public bool CancelRequested => _cancelRequested;

    public bool LeaseLost => _leaseLost;

    /// <summary>The engine was stopped because the lease could not be renewed in time.</summary>
    public bool StoppedForLease => _stoppedForLease;

    public void Finish() => _done = true;

    public async Task RunAsync()
    {
        var confirmedUntil = claim.LeaseUntil;
        var failures = 0;
        while (!_done)
        {
            try
            {
                // Pacing waits on the real clock, never past the deadline; the lease arithmetic uses the TimeProvider,
                // the clock other workers' claims compare with.
                var left = confirmedUntil - timing.SafetyMargin - time.GetUtcNow();
                var pause = failures == 0 ? timing.RenewEvery : timing.RetryEvery;
                await Task.Delay(left > TimeSpan.Zero && left < pause ? left : pause, run.Token);
                var remaining = confirmedUntil - timing.SafetyMargin - time.GetUtcNow();
                if (remaining <= TimeSpan.Zero)
                {
                    await StopEngineAsync(confirmedUntil);
                    return;
                }

                // Bounded by the time left: a renewal stuck on a dead connection must not carry the worker past its deadline.
                using var attempt = CancellationTokenSource.CreateLinkedTokenSource(run.Token);
                attempt.CancelAfter(remaining);
                var renewal = await queue.RenewAsync(claim, attempt.Token).WaitAsync(remaining, run.Token);
                confirmedUntil = renewal.Until;
                if (failures > 0)
                {
                    Log.LeaseRenewedAgain(logger, claim.OperationId, failures);
                    failures = 0;
                }

                if (renewal.CancelRequested && !_cancelRequested)
                {
                    _cancelRequested = true;
                    Log.CancelRequested(logger, claim.OperationId);
                    await engine.CancelAsync(claim.Request, CancellationToken.None);
                    await run.CancelAsync();
                }
            }
            catch (OperationCanceledException) when (run.IsCancellationRequested)
            {
                return;
            }
            catch (LeaseLostException)
            {
                _leaseLost = true;
                await run.CancelAsync();
                return;
            }
#pragma warning disable CA1031 // Any other failure means the lease is unconfirmed, not lost: retry until the deadline.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                failures++;
                if (failures == 1)
                {
                    Log.LeaseRenewalFailing(logger, ex, claim.OperationId, confirmedUntil - timing.SafetyMargin - time.GetUtcNow());
                }
            }
        }
    }

    private async Task StopEngineAsync(DateTimeOffset confirmedUntil)
    {
        _stoppedForLease = true;
        Log.EngineStoppedForLease(logger, claim.OperationId, claim.WorkerId, confirmedUntil);
        await run.CancelAsync();
        try
        {
            // The backend's own stop (a Pulumi cancel) is best effort and must not outlive the margin it protects.
            using var bounded = new CancellationTokenSource(timing.SafetyMargin / 2);
            await engine.CancelAsync(claim.Request, bounded.Token).WaitAsync(timing.SafetyMargin / 2, CancellationToken.None);
        }
#pragma warning disable CA1031 // The token is already cancelled; a failed backend cancel is logged, the run still stops.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Log.EngineCancelFailed(logger, ex, claim.OperationId);
        }
    }
}
