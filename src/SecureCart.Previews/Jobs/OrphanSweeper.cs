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

        await PeriodicRounds.RunAsync(TimeSpan.FromSeconds(settings.IntervalSeconds), TimeProvider.System, sweep.SweepAsync, ex => Log.OrphanSweepFault(logger, ex), stoppingToken);
    }
}
