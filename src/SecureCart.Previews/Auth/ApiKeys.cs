using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SecureCart.Previews.Options;
using SecureCart.Previews.State;
using SecureCart.Previews.State.Entities;

namespace SecureCart.Previews.Auth;

/// <summary>
/// Keys are 256 random bits, so one SHA-256 is enough to store them safely (no password stretching needed),
/// and a lookup by hash is a single indexed read. Known keys are remembered for a few seconds
/// (<see cref="AuthOptions.KeyCacheSeconds"/>) so that a busy client does not pay that read on every request;
/// unknown keys are never remembered, so guessing cannot fill the cache.
/// </summary>
internal sealed class ApiKeys(IDbContextFactory<PreviewsDbContext> contexts, TimeProvider time, IOptions<AuthOptions> options)
{
    public const string KeyPrefix = "scp_";
    private const int MaxCached = 10_000;

    private readonly ConcurrentDictionary<string, CachedCaller> _known = new(StringComparer.Ordinal);

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    public static string NewKey() => KeyPrefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    public async Task<ApiKeyRecord> AddAsync(PreviewsDbContext db, string team, string name, bool isAdmin, string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var record = new ApiKeyRecord
        {
            Id = Guid.CreateVersion7(),
            Team = team,
            Name = name,
            IsAdmin = isAdmin,
            Hash = Hash(key),
            Prefix = key[..Math.Min(12, key.Length)],
            CreatedAt = time.GetUtcNow(),
        };
        db.ApiKeys.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        return record;
    }

    public async Task<CallerIdentity?> FindAsync(string key, CancellationToken cancellationToken)
    {
        var hash = Hash(key);
        var now = time.GetUtcNow();
        if (_known.TryGetValue(hash, out var cached) && cached.Until > now)
        {
            return cached.Caller;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var record = await db.ApiKeys.AsNoTracking().SingleOrDefaultAsync(k => k.Hash == hash && k.RevokedAt == null, cancellationToken);
        if (record is null)
        {
            _known.TryRemove(hash, out _);
            return null;
        }

        var caller = new CallerIdentity($"key:{record.Name}", record.Team, record.IsAdmin);
        var seconds = options.Value.KeyCacheSeconds;
        if (seconds > 0)
        {
            if (_known.Count >= MaxCached)
            {
                _known.Clear();
            }

            _known[hash] = new CachedCaller(caller, now.AddSeconds(seconds));
        }

        return caller;
    }

    /// <summary>
    /// Marks the key revoked in the shared store (every replica's next lookup refuses it, at most
    /// <see cref="AuthOptions.KeyCacheSeconds"/> later) and forgets it here at once. Null when there is no such key.
    /// </summary>
    public async Task<ApiKeyRecord?> RevokeAsync(PreviewsDbContext db, Guid id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var record = await db.ApiKeys.SingleOrDefaultAsync(k => k.Id == id, cancellationToken);
        if (record is null)
        {
            return null;
        }

        record.RevokedAt ??= time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        _known.TryRemove(record.Hash, out _);
        return record;
    }

    /// <summary>Makes sure the development key exists (idempotent across restarts and replicas).</summary>
    public async Task EnsureAsync(string team, string name, string key, CancellationToken cancellationToken)
    {
        var hash = Hash(key);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!await db.ApiKeys.AnyAsync(k => k.Hash == hash, cancellationToken))
        {
            await AddAsync(db, team, name, isAdmin: true, key, cancellationToken);
        }
    }

    private sealed record CachedCaller(CallerIdentity Caller, DateTimeOffset Until);
}
