using System.Globalization;

namespace SecureCart.Previews.State;

/// <summary>The only SQL that differs by provider: row locks a worker takes to claim an operation and to write under its fence.</summary>
internal sealed class StateDialect(bool isPostgres)
{
    private const string Candidates = """
        SELECT "Id" AS "Value" FROM "Operations"
        WHERE "Status" = 'Queued' OR ("Status" = 'Running' AND "LeaseExpiresAt" < {0})
        ORDER BY "CreatedAt"
        LIMIT 1
        """;

    public bool IsPostgres { get; } = isPostgres;

    /// <summary>
    /// PostgreSQL skips rows another replica is claiming. SQLite has one writer at a time and the claim runs in an
    /// immediate (write-locked) transaction, which is the same guarantee there.
    /// </summary>
    public string ClaimCandidateSql => IsPostgres ? Candidates + " FOR UPDATE SKIP LOCKED" : Candidates;

    /// <summary>
    /// Engine events in one statement, written only while the claim's fencing token is current. On PostgreSQL the
    /// row lock makes a concurrent claim either skip this operation or wait and then find the token changed; SQLite
    /// runs the statement under its single write lock. Parameters: operation id, fencing token, then sequence,
    /// type, message and time (Unix ms) for each event. A VALUES list names its columns column1.. on both providers.
    /// </summary>
    public string FencedEventsSql(int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var rows = string.Join(", ", Enumerable.Range(0, count).Select(i => string.Create(
            CultureInfo.InvariantCulture, $"({{{2 + (4 * i)}}}, {{{3 + (4 * i)}}}, {{{4 + (4 * i)}}}, {{{5 + (4 * i)}}})")));
        var sql = $$"""
            INSERT INTO "OperationEvents" ("OperationId", "Sequence", "Type", "Message", "At")
            SELECT o."Id", v.column1, v.column2, v.column3, v.column4
            FROM "Operations" AS o CROSS JOIN (VALUES {{rows}}) AS v
            WHERE o."Id" = {0} AND o."FencingToken" = {1} AND o."Status" = 'Running'
            """;
        // A retried batch that already landed conflicts on (operation, sequence) and is skipped, never doubled.
        const string SkipWritten = """ ON CONFLICT ("OperationId", "Sequence") DO NOTHING""";
        return IsPostgres ? sql + " FOR UPDATE OF o" + SkipWritten : sql + SkipWritten;
    }
}
