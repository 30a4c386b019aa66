namespace SecureCart.Previews.State;

/// <summary>The only SQL that differs by provider: how a worker picks the next operation to claim.</summary>
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
}
