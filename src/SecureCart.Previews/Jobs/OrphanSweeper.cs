using Microsoft.Extensions.Options;
using SecureCart.Previews.Logging;
using SecureCart.Previews.Options;
using SecureCart.Previews.Orphans;

namespace SecureCart.Previews.Jobs;

/// <summary>The scheduled orphan sweep: every replica ticks, the one that takes the lease sweeps.</summary>
internal sealed class OrphanSweeper(OrphanSweep sweep, IOptions<OrphanOptions> options, ILogger<OrphanSweeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(settings.IntervalSeconds));
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await sweep.SweepAsync(stoppingToken);
                }
#pragma warning disable CA1031 // One failed sweep must not stop the schedule; the next tick tries again.
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
#pragma warning restore CA1031
                {
                    Log.OrphanSweepFault(logger, ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }
}
