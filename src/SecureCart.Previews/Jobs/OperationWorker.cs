using Microsoft.Extensions.Options;
using SecureCart.Previews.Environments;
using SecureCart.Previews.Logging;
using SecureCart.Previews.Options;

namespace SecureCart.Previews.Jobs;

/// <summary>Each replica runs a few slots that claim and run operations; several replicas share the queue.</summary>
internal sealed class OperationWorker(
    OperationQueue queue, OperationRunner runner, OperationSignal signal, ForegroundRequests foreground, IOptions<WorkerOptions> options, ILogger<OperationWorker> logger)
    : BackgroundService
{
    public string WorkerId { get; } = options.Value.WorkerId ?? $"{Environment.MachineName}-{Environment.ProcessId}".ToLowerInvariant();

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            return Task.CompletedTask;
        }

        Log.WorkerStarted(logger, WorkerId, settings.Concurrency);
        return Task.WhenAll(Enumerable.Range(0, settings.Concurrency).Select(slot => SlotAsync($"{WorkerId}/{slot}", stoppingToken)));
    }

    private async Task SlotAsync(string slotId, CancellationToken stoppingToken)
    {
        var poll = TimeSpan.FromMilliseconds(options.Value.PollMilliseconds);
        var maxYield = TimeSpan.FromMilliseconds(options.Value.MaxYieldMilliseconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // Deploys take minutes; a create's reply is waited on now. Background work gives way, within its bound.
                await foreground.WaitQuietAsync(maxYield, ForegroundRequests.Settle, stoppingToken);
                var claim = await queue.ClaimAsync(slotId, stoppingToken);
                if (claim is null)
                {
                    await signal.WaitAsync(poll, stoppingToken);
                    continue;
                }

                await runner.RunAsync(claim, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A database hiccup must not stop the slot; it waits and tries again.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                Log.WorkerFault(logger, ex, slotId);
                await Task.Delay(poll, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }
}
