using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SecureCart.Previews.Logging;
using SecureCart.Previews.Options;
using SecureCart.Previews.State;

namespace SecureCart.Previews.Audit;

/// <summary>
/// Writes the audit chain's head to an append-only file outside the database, periodically and only when it moved,
/// and reads the anchors back for verification. Several replicas may share the file: each line is one small append.
/// </summary>
internal sealed class AuditAnchors(IDbContextFactory<PreviewsDbContext> contexts, TimeProvider time, IOptions<AuditOptions> options, ILogger<AuditAnchors> logger)
    : BackgroundService
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web);
    private long _lastAnchored = -1;

    private string? Path => options.Value.AnchorPath is { Length: > 0 } path ? path : null;

    /// <summary>Appends the current head unless it was already anchored; returns the anchor written, if any.</summary>
    public async Task<AuditAnchor?> AnchorNowAsync(CancellationToken cancellationToken)
    {
        if (Path is not { } path)
        {
            return null;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var head = await db.AuditHead.AsNoTracking().SingleAsync(h => h.Id == AuditLog.HeadId, cancellationToken);
        if (head.LastSequence == 0 || head.LastSequence == _lastAnchored)
        {
            return null;
        }

        var anchor = new AuditAnchor(head.LastSequence, head.LastHash, time.GetUtcNow());
        var line = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(anchor, s_json) + "\n");
        await using (var file = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite, 4096, FileOptions.WriteThrough))
        {
            await file.WriteAsync(line, cancellationToken);
            file.Flush(flushToDisk: true);
        }

        _lastAnchored = head.LastSequence;
        return anchor;
    }

    public async Task<IReadOnlyList<AuditAnchor>> ReadAsync(CancellationToken cancellationToken)
    {
        if (Path is not { } path || !File.Exists(path))
        {
            return [];
        }

        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(file, Encoding.UTF8);
        var anchors = new List<AuditAnchor>();
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.Length > 0)
            {
                anchors.Add(JsonSerializer.Deserialize<AuditAnchor>(line, s_json)
                    ?? throw new InvalidDataException($"{path}: an anchor line is empty JSON"));
            }
        }

        return anchors;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (Path is null)
        {
            Log.AuditNotAnchored(logger);
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.AnchorIntervalSeconds));
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await AnchorNowAsync(stoppingToken);
                }
#pragma warning disable CA1031 // One missed anchor must not stop anchoring; the next tick writes the head again.
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
#pragma warning restore CA1031
                {
                    Log.AuditAnchorFailed(logger, ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }
}
