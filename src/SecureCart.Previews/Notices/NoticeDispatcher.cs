using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SecureCart.Previews.Domain;
using SecureCart.Previews.Logging;
using SecureCart.Previews.Options;
using SecureCart.Previews.State;
using SecureCart.Previews.State.Entities;

namespace SecureCart.Previews.Notices;

/// <summary>
/// Notices before expiry, safe on every replica. Scheduling inserts one row per environment × expiry × lead time ×
/// channel; the key refuses a second insert, so a notice exists once however many replicas schedule it. Delivery
/// claims a row with a conditional update (one winner), re-reads the environment (none after a destroy or an extend),
/// sends, and records the outcome fenced by the claim; a failure is retried with exponential backoff.
/// </summary>
internal sealed class NoticeDispatcher(
    IDbContextFactory<PreviewsDbContext> contexts,
    ExtendLinks links,
    WebhookSender webhooks,
    EmailSender email,
    TimeProvider time,
    IOptions<NoticeOptions> options,
    IOptions<WorkerOptions> worker,
    ILogger<NoticeDispatcher> logger)
{
    public const string Webhook = "webhook";
    public const string Email = "email";
    public const string Pending = "Pending";
    public const string Delivered = "Delivered";
    public const string Failed = "Failed";
    public const string Skipped = "Skipped";

    private const int Batch = 50;

    public string Holder { get; } = (worker.Value.WorkerId ?? $"{Environment.MachineName}-{Environment.ProcessId}").ToLowerInvariant() + "/notices";

    public async Task<(int Scheduled, int Sent)> RunOnceAsync(CancellationToken cancellationToken)
    {
        var scheduled = await ScheduleAsync(cancellationToken);
        var sent = await DeliverDueAsync(cancellationToken);
        return (scheduled, sent);
    }

    /// <summary>
    /// For each live environment, the most urgent lead time that has been reached; a lead time that had already
    /// passed when the environment was created (or extended to this expiry) is not sent: its owner just chose it.
    /// </summary>
    public async Task<int> ScheduleAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = time.GetUtcNow();
        var horizon = now.AddMinutes(settings.LeadMinutes.Max());
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var candidates = await db.Environments.AsNoTracking()
            .Where(e => (e.Status == EnvironmentStatus.Provisioning || e.Status == EnvironmentStatus.Ready) && e.ExpiresAt > now && e.ExpiresAt <= horizon)
            .Select(e => new { e.Id, e.Team, e.CreatedAt, e.ExpiresAt })
            .Take(1_000)
            .ToListAsync(cancellationToken);
        var ids = candidates.Select(c => c.Id).ToList();
        var ownHooks = await db.NoticeTargets.AsNoTracking().Where(t => ids.Contains(t.EnvironmentId)).ToDictionaryAsync(t => t.EnvironmentId, t => t.WebhookUrl, cancellationToken);
        var added = 0;
        foreach (var environment in candidates)
        {
            var teamTarget = settings.Teams.GetValueOrDefault(environment.Team);
            var webhook = ownHooks.GetValueOrDefault(environment.Id) ?? teamTarget?.WebhookUrl;
            if (webhook is null && teamTarget?.Email is null)
            {
                continue;
            }

            var remaining = (environment.ExpiresAt - now).TotalMinutes;
            var due = settings.LeadMinutes.Where(lead => lead >= remaining && environment.ExpiresAt.AddMinutes(-lead) >= environment.CreatedAt).DefaultIfEmpty(-1).Min();
            if (due < 0)
            {
                continue;
            }

            foreach (var (channel, address) in new[] { (Webhook, webhook), (Email, teamTarget?.Email) })
            {
                if (!string.IsNullOrEmpty(address) && await TryInsertAsync(environment.Id, environment.ExpiresAt, due, channel, address, now, cancellationToken))
                {
                    added++;
                }
            }
        }

        return added;
    }

    public async Task<int> DeliverDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        List<ExpiryNoticeRecord> due;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            due = await db.ExpiryNotices.AsNoTracking()
                .Where(n => n.Status == Pending && n.NextAttemptAt <= now && (n.ClaimExpiresAt == null || n.ClaimExpiresAt < now))
                .OrderBy(n => n.NextAttemptAt)
                .Take(Batch)
                .ToListAsync(cancellationToken);
        }

        var sent = 0;
        foreach (var notice in due)
        {
            if (await ClaimAsync(notice, now, cancellationToken) && await DeliverAsync(notice, cancellationToken))
            {
                sent++;
            }
        }

        return sent;
    }

    private async Task<bool> TryInsertAsync(Guid environmentId, DateTimeOffset expiresAt, int lead, string channel, string target, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.ExpiryNotices.AnyAsync(n => n.EnvironmentId == environmentId && n.ExpiresAt == expiresAt && n.LeadMinutes == lead && n.Channel == channel, cancellationToken))
        {
            return false;
        }

        db.ExpiryNotices.Add(new ExpiryNoticeRecord
        {
            Id = Guid.NewGuid(),
            EnvironmentId = environmentId,
            ExpiresAt = expiresAt,
            LeadMinutes = lead,
            Channel = channel,
            Target = target,
            Status = Pending,
            NextAttemptAt = now,
            CreatedAt = now,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            // Another replica scheduled the same notice between the check and the insert: the key kept it single.
            return false;
        }
    }

    /// <summary>One winner among replicas: the row changes only if nobody claimed it since it was read.</summary>
    private async Task<bool> ClaimAsync(ExpiryNoticeRecord notice, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var until = now.AddSeconds(options.Value.SendTimeoutSeconds);
        var claimed = await Key(db, notice)
            .Where(n => n.Status == Pending && n.Attempts == notice.Attempts && (n.ClaimExpiresAt == null || n.ClaimExpiresAt < now))
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ClaimedBy, Holder).SetProperty(n => n.ClaimExpiresAt, until), cancellationToken);
        return claimed == 1;
    }

    private async Task<bool> DeliverAsync(ExpiryNoticeRecord notice, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        EnvironmentRecord? environment;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            environment = await db.Environments.AsNoTracking().SingleOrDefaultAsync(e => e.Id == notice.EnvironmentId, cancellationToken);
        }

        var now = time.GetUtcNow();
        var stale = environment is null ? "the environment is gone"
            : environment.Status is not (EnvironmentStatus.Provisioning or EnvironmentStatus.Ready) ? $"the environment is {environment.Status.ToString().ToLowerInvariant()}"
            : environment.ExpiresAt != notice.ExpiresAt ? "the environment was extended since"
            : environment.ExpiresAt <= now ? "the environment has expired"
            : null;
        if (stale is not null)
        {
            await FinishAsync(notice, Skipped, stale, null, cancellationToken);
            Log.NoticeSkipped(logger, notice.EnvironmentId, notice.LeadMinutes, notice.Channel, stale);
            return false;
        }

        var message = new ExpiryNotice(
            ExpiryNotice.ExpiringType, notice.Id, environment!.Id, environment.Team, environment.Name, environment.Url, environment.ExpiresAt,
            notice.LeadMinutes, links.LinkFor(environment.Id, environment.ExpiresAt), settings.ExtendHours);
        try
        {
            if (notice.Channel == Webhook)
            {
                await webhooks.SendAsync(new Uri(notice.Target), message, cancellationToken);
            }
            else
            {
                await email.SendAsync(notice.Target, message, cancellationToken);
            }
        }
#pragma warning disable CA1031 // Any delivery fault (refused, timed out, 5xx, SMTP error) is one failed attempt, retried later.
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            var attempts = notice.Attempts + 1;
            if (attempts >= settings.MaxAttempts)
            {
                await FinishAsync(notice, Failed, ex.Message, null, cancellationToken, attempts);
                Log.NoticeFailed(logger, ex, notice.EnvironmentId, notice.Channel, attempts);
                return false;
            }

            var delay = TimeSpan.FromSeconds(Math.Min(settings.FirstRetrySeconds * Math.Pow(2, attempts - 1), settings.MaxRetrySeconds));
            await RetryLaterAsync(notice, attempts, ex.Message, time.GetUtcNow() + delay, cancellationToken);
            Log.NoticeRetrying(logger, notice.EnvironmentId, notice.Channel, attempts, delay, ex.Message);
            return false;
        }

        await FinishAsync(notice, Delivered, null, time.GetUtcNow(), cancellationToken, notice.Attempts + 1);
        Log.NoticeSent(logger, notice.EnvironmentId, notice.LeadMinutes, notice.Channel);
        return true;
    }

    private async Task FinishAsync(ExpiryNoticeRecord notice, string status, string? error, DateTimeOffset? deliveredAt, CancellationToken cancellationToken, int? attempts = null)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await Key(db, notice).Where(n => n.ClaimedBy == Holder).ExecuteUpdateAsync(
            s => s.SetProperty(n => n.Status, status)
                .SetProperty(n => n.LastError, error)
                .SetProperty(n => n.DeliveredAt, deliveredAt)
                .SetProperty(n => n.Attempts, attempts ?? notice.Attempts)
                .SetProperty(n => n.ClaimExpiresAt, (DateTimeOffset?)null),
            cancellationToken);
    }

    private async Task RetryLaterAsync(ExpiryNoticeRecord notice, int attempts, string error, DateTimeOffset next, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await Key(db, notice).Where(n => n.ClaimedBy == Holder).ExecuteUpdateAsync(
            s => s.SetProperty(n => n.Attempts, attempts)
                .SetProperty(n => n.LastError, error)
                .SetProperty(n => n.NextAttemptAt, next)
                .SetProperty(n => n.ClaimedBy, (string?)null)
                .SetProperty(n => n.ClaimExpiresAt, (DateTimeOffset?)null),
            cancellationToken);
    }

    private static IQueryable<ExpiryNoticeRecord> Key(PreviewsDbContext db, ExpiryNoticeRecord notice) =>
        db.ExpiryNotices.Where(n => n.EnvironmentId == notice.EnvironmentId && n.ExpiresAt == notice.ExpiresAt && n.LeadMinutes == notice.LeadMinutes && n.Channel == notice.Channel);
}
