using System.Collections.Immutable;
using Microsoft.Extensions.Options;
using SecureCart.Previews.Domain;
using SecureCart.Previews.Engine;
using SecureCart.Previews.Logging;
using SecureCart.Previews.Options;

namespace SecureCart.Previews.Jobs;

/// <summary>Runs one claimed operation on the engine, keeps the lease alive, and records the outcome.</summary>
internal sealed class OperationRunner(OperationQueue queue, IPreviewEngine engine, IOptions<PreviewsOptions> options, TimeProvider time, ILogger<OperationRunner> logger)
{
    public async Task RunAsync(OperationClaim claim, CancellationToken stopping)
    {
        ArgumentNullException.ThrowIfNull(claim);
        using var run = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        var watch = new LeaseWatch();
        var heartbeat = KeepLeaseAsync(claim, run, watch);
        var started = time.GetTimestamp();
        OperationOutcome? outcome = null;
        try
        {
            var sink = new FencedEventSink(queue, claim);
            var result = claim.Kind switch
            {
                OperationKind.Up => await engine.UpAsync(claim.Request, sink, run.Token),
                OperationKind.Destroy => await engine.DestroyAsync(claim.Request, sink, run.Token),
                _ => throw new InvalidOperationException($"unknown operation kind {claim.Kind}"),
            };
            outcome = new OperationOutcome(OperationStatus.Succeeded, result.Summary, result.Outputs, null);
        }
        catch (Exception ex) when (ex is LeaseLostException || watch.LeaseLost)
        {
            Log.LeaseLost(logger, claim.OperationId, claim.WorkerId, claim.FencingToken);
        }
#pragma warning disable CA1031 // However the engine reacts to a cancel (cancelled token or its own error), the result is "cancelled".
        catch (Exception) when (watch.CancelRequested)
#pragma warning restore CA1031
        {
            outcome = new OperationOutcome(OperationStatus.Cancelled, "cancelled", ImmutableDictionary<string, string>.Empty, "cancelled on request");
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            Log.OperationReleased(logger, claim.OperationId, claim.WorkerId);
            await queue.ReleaseAsync(claim, CancellationToken.None);
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
            watch.Done = true;
            await run.CancelAsync();
            await heartbeat;
        }

        if (outcome is not null && !watch.LeaseLost)
        {
            try
            {
                await queue.CompleteAsync(claim, outcome, CancellationToken.None);
                var elapsed = time.GetElapsedTime(started);
                Log.OperationFinished(logger, claim.OperationId, claim.Kind, outcome.Status, elapsed);
            }
            catch (LeaseLostException)
            {
                Log.LeaseLost(logger, claim.OperationId, claim.WorkerId, claim.FencingToken);
            }
        }
    }

    private async Task KeepLeaseAsync(OperationClaim claim, CancellationTokenSource run, LeaseWatch watch)
    {
        // Renewing also reads the cancel flag, so it runs at the poll interval, well inside a third of the lease.
        var every = TimeSpan.FromMilliseconds(Math.Min(options.Value.Worker.PollMilliseconds, options.Value.Worker.LeaseSeconds * 1_000 / 3));
        while (!watch.Done)
        {
            try
            {
                await Task.Delay(every, run.Token);
                if (await queue.RenewAsync(claim, run.Token) && !watch.CancelRequested)
                {
                    watch.CancelRequested = true;
                    Log.CancelRequested(logger, claim.OperationId);
                    await engine.CancelAsync(claim.Request, CancellationToken.None);
                    await run.CancelAsync();
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (LeaseLostException)
            {
                watch.LeaseLost = true;
                await run.CancelAsync();
                return;
            }
        }
    }

    private sealed class LeaseWatch
    {
        public volatile bool Done;
        public volatile bool CancelRequested;
        public volatile bool LeaseLost;
    }
}
