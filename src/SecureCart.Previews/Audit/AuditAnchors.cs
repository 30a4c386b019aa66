using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SecureCart.Previews.Logging;
using SecureCart.Previews.Options;
using SecureCart.Previews.State;

namespace SecureCart.Previews.Audit;

/// <summary>
/// Writes each audit chain's head to an append-only file outside the database, periodically and only when it moved,
/// and reads the anchors back for verification. Several replicas may share the file: each tick is one small append.
/// </summary>
internal sealed class AuditAnchors(IDbContextFactory<PreviewsDbContext> contexts, TimeProvider time, IOptions<AuditOptions> options, ILogger<AuditAnchors> logger)
    : BackgroundService
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    // Per chain ("" for the sealed single chain): the position last anchored by this replica.
    private readonly Dictionary<string, long> _lastAnchored = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _writing = new(1, 1);

    private string? Path => options.Value.AnchorPath is { Length: > 0 } path ? path : null;

    /// <summary>Appends the head of every chain that moved since it was last anchored; returns the anchors written.</summary>
    public async Task<IReadOnlyList<AuditAnchor>> AnchorNowAsync(CancellationToken cancellationToken)
    {
        if (Path is not { } path)
        {
            return [];
        }

        await _writing.WaitAsync(cancellationToken);
        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var legacy = await db.AuditHead.AsNoTracking().SingleAsync(h => h.Id == AuditLog.HeadId, cancellationToken);
            var heads = await db.AuditChainHeads.AsNoTracking().Select(h => new { h.Team, h.LastSequence, h.LastHash }).ToListAsync(cancellationToken);
            var now = time.GetUtcNow();
            var written = heads.Select(h => new AuditAnchor(h.LastSequence, h.LastHash, now, h.Team))
                .Prepend(new AuditAnchor(legacy.LastSequence, legacy.LastHash, now))
                .Where(a => a.Sequence > 0 && (!_lastAnchored.TryGetValue(a.Team ?? "", out var last) || last != a.Sequence))
                .ToList();
            if (written.Count == 0)
            {
                return [];
            }

            var lines = Encoding.UTF8.GetBytes(string.Concat(written.Select(a => JsonSerializer.Serialize(a, s_json) + "\n")));
            await using (var file = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite, 4096, FileOptions.WriteThrough))
            {
                await file.WriteAsync(lines, cancellationToken);
                file.Flush(flushToDisk: true);
            }

            foreach (var anchor in written)
            {
                _lastAnchored[anchor.Team ?? ""] = anchor.Sequence;
            }

            return written;
        }
        finally
        {
            _writing.Release();
        }
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

    public override void Dispose()
    {
        _writing.Dispose();
        base.Dispose();
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
