using Microsoft.Extensions.Options;
using SecureCart.Previews.Logging;
using SecureCart.Previews.Notices;
using SecureCart.Previews.Options;

namespace SecureCart.Previews.Jobs;

/// <summary>Schedules and delivers notices every interval, on every replica (the rows keep each notice single).</summary>
internal sealed class NoticeJob(NoticeDispatcher dispatcher, IOptions<NoticeOptions> options, ILogger<NoticeJob> logger) : BackgroundService
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
                    await dispatcher.RunOnceAsync(stoppingToken);
                }
#pragma warning disable CA1031 // One failed round must not stop the notices; the next tick tries again.
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
#pragma warning restore CA1031
                {
                    Log.NoticeJobFault(logger, ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }
}
