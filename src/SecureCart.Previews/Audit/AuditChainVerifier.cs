using Microsoft.EntityFrameworkCore;
using SecureCart.Previews.State;
using SecureCart.Previews.State.Entities;

namespace SecureCart.Previews.Audit;

/// <summary>
/// Recomputes every chain: the sealed single chain (rows numbered 0 in a team chain, ordered by their row number,
/// ended by "AuditHead") and each team's chain (ordered by position, ended by its head). A chain breaks where a row
/// is missing, does not link to the one before, has a hash that is not its content's, or differs from an anchor.
/// </summary>
internal sealed class AuditChainVerifier(PreviewsDbContext db, AuditHasher hasher, IReadOnlyList<AuditAnchor> anchors)
{
    private const int Page = 2_000;
    private const string Legacy = "";

    public async Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken)
    {
        var byChain = anchors.GroupBy(a => a.Team ?? Legacy, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.GroupBy(a => a.Sequence).ToDictionary(s => s.Key, s => s.First()), StringComparer.Ordinal);
        var legacyHead = await db.AuditHead.AsNoTracking().SingleAsync(h => h.Id == AuditLog.HeadId, cancellationToken);
        var heads = await db.AuditChainHeads.AsNoTracking().ToDictionaryAsync(h => h.Team, StringComparer.Ordinal, cancellationToken);

        // Teams with rows but no head (a removed head) are checked too, and fail on the missing head.
        var teams = (await db.AuditEntries.AsNoTracking().Where(a => a.ChainSequence > 0).Select(a => a.Team).Distinct().ToListAsync(cancellationToken))
            .Concat(heads.Keys).Concat(byChain.Keys.Where(k => k.Length > 0)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        long entries = 0;
        var chains = 0;
        var legacy = await VerifyChainAsync(Legacy, legacyHead.LastSequence, legacyHead.LastHash, Anchors(byChain, Legacy), cancellationToken);
        entries += legacy.Entries;
        chains += legacy.Entries > 0 ? 1 : 0;
        if (!legacy.Valid)
        {
            return legacy with { Entries = entries, Chains = chains };
        }

        foreach (var team in teams)
        {
            heads.TryGetValue(team, out var head);
            var result = await VerifyChainAsync(team, head?.LastSequence ?? 0, head?.LastHash ?? "", Anchors(byChain, team), cancellationToken);
            entries += result.Entries;
            chains++;
            if (!result.Valid)
            {
                return result with { Entries = entries, Chains = chains };
            }
        }

        return new AuditVerification(true, entries, null, null, anchors.Count, null, chains);
    }

    private static Dictionary<long, AuditAnchor> Anchors(Dictionary<string, Dictionary<long, AuditAnchor>> byChain, string chain) =>
        byChain.TryGetValue(chain, out var found) ? found : [];

    private async Task<AuditVerification> VerifyChainAsync(
        string team, long headSequence, string headHash, Dictionary<long, AuditAnchor> chainAnchors, CancellationToken cancellationToken)
    {
        var name = team.Length == 0 ? "the single chain kept from before chains per team" : $"team '{team}''s chain";
        long expected = 1;
        var previousHash = "";
        AuditVerification Broken(long at, string problem) => new(false, expected - 1, at, $"{name}: {problem}", anchors.Count, team);

        while (true)
        {
            var page = await PageAsync(team, expected, cancellationToken);
            foreach (var row in page)
            {
                var position = team.Length == 0 ? row.Sequence : row.ChainSequence;
                if (position != expected)
                {
                    return Broken(expected, $"row {expected} is missing (next row is {position})");
                }

                if (!string.Equals(row.PreviousHash, previousHash, StringComparison.Ordinal))
                {
                    return Broken(position, $"row {position} does not link to the hash of row {position - 1}");
                }

                if (!string.Equals(hasher.Compute(row), row.Hash, StringComparison.Ordinal))
                {
                    return Broken(position, $"row {position} was changed after it was written (its hash no longer matches)");
                }

                if (chainAnchors.TryGetValue(position, out var anchor) && !string.Equals(anchor.Hash, row.Hash, StringComparison.Ordinal))
                {
                    return Broken(position, $"row {position} differs from the head anchored outside the database at {anchor.At:O}: the chain was rewritten");
                }

                previousHash = row.Hash;
                expected++;
            }

            if (page.Count < Page)
            {
                break;
            }
        }

        var count = expected - 1;
        if (chainAnchors.Keys.Where(s => s > count).Select(s => (long?)s).Min() is { } beyond)
        {
            return Broken(count + 1, $"row {beyond} was anchored outside the database but the chain ends at row {count}");
        }

        if (count != headSequence || !string.Equals(previousHash, headHash, StringComparison.Ordinal))
        {
            return Broken(count + 1, $"the chain ends at row {count} but {headSequence} rows were written");
        }

        return new AuditVerification(true, count, null, null, anchors.Count, team);
    }

    private Task<List<AuditRecord>> PageAsync(string team, long from, CancellationToken cancellationToken) =>
        team.Length == 0
            ? db.AuditEntries.AsNoTracking().Where(a => a.ChainSequence == 0 && a.Sequence >= from).OrderBy(a => a.Sequence).Take(Page).ToListAsync(cancellationToken)
            : db.AuditEntries.AsNoTracking().Where(a => a.Team == team && a.ChainSequence >= from).OrderBy(a => a.ChainSequence).Take(Page).ToListAsync(cancellationToken);
}
