using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SecureCart.Previews.Audit;
using SecureCart.Previews.Auth;
using SecureCart.Previews.Domain;
using SecureCart.Previews.Environments;
using SecureCart.Previews.Logging;
using SecureCart.Previews.Options;
using SecureCart.Previews.State;

namespace SecureCart.Previews.Jobs;

/// <summary>Queues a destroy for every expired environment; safe on every replica (the team lock makes it once).</summary>
internal sealed class ExpiryReaper(
    IDbContextFactory<PreviewsDbContext> contexts,
    EnvironmentLifecycle lifecycle,
    TimeProvider time,
    IOptions<ReaperOptions> options,
    ILogger<ExpiryReaper> logger) : BackgroundService
{
    public const string Action = "environment.expire";

    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var expired = await db.Environments.AsNoTracking()
            .Where(e => e.ExpiresAt <= now && e.ActiveOperationId == null
                && EnvironmentStateMachine.DestroyableStatuses.Contains(e.Status))
            .OrderBy(e => e.ExpiresAt)
            .Select(e => new { e.Id, e.Team, e.Name })
            .Take(100)
            .ToListAsync(cancellationToken);
        var queued = 0;
        foreach (var environment in expired)
        {
            var reaper = new CallerIdentity("reaper", environment.Team, IsAdmin: false);
            if (await lifecycle.DeleteAsync(reaper, environment.Id, Action, RequestOrigin.System, cancellationToken) is CommandOutcome<OperationQueued>.Accepted)
            {
                Log.Reaped(logger, environment.Id, environment.Team, environment.Name);
                queued++;
            }
        }

        return queued;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            return;
        }

        await PeriodicRounds.RunAsync(TimeSpan.FromSeconds(settings.IntervalSeconds), TimeProvider.System, SweepAsync, ex => Log.ReaperFault(logger, ex), stoppingToken);
    }
}
