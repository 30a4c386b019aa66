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

    private const string FencedEvent = """
        INSERT INTO "OperationEvents" ("OperationId", "Sequence", "Type", "Message", "At")
        SELECT "Id", {0}, {1}, {2}, {3} FROM "Operations"
        WHERE "Id" = {4} AND "FencingToken" = {5} AND "Status" = 'Running'
        """;

    public bool IsPostgres { get; } = isPostgres;

    /// <summary>
    /// PostgreSQL skips rows another replica is claiming. SQLite has one writer at a time and the claim runs in an
    /// immediate (write-locked) transaction, which is the same guarantee there.
    /// </summary>
    public string ClaimCandidateSql => IsPostgres ? Candidates + " FOR UPDATE SKIP LOCKED" : Candidates;

    /// <summary>
    /// An engine event in one statement, written only while the claim's fencing token is current. On PostgreSQL the
    /// row lock makes a concurrent claim either skip this operation or wait and then find the token changed; SQLite
    /// runs the statement under its single write lock.
    /// Parameters: sequence, type, message, time (Unix ms), operation id, fencing token.
    /// </summary>
    public string FencedEventSql => IsPostgres ? FencedEvent + " FOR UPDATE" : FencedEvent;
}
