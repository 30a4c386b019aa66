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

        await PeriodicRounds.RunAsync(TimeSpan.FromSeconds(settings.IntervalSeconds), TimeProvider.System, dispatcher.RunOnceAsync, ex => Log.NoticeJobFault(logger, ex), stoppingToken);
    }
}
