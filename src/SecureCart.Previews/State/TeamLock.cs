using Microsoft.EntityFrameworkCore;

namespace SecureCart.Previews.State;

/// <summary>
/// Serializes a team's changes inside the caller's transaction: updating the team's row holds a row lock on PostgreSQL
/// and the write lock on SQLite, so quota checks and "one operation per environment" are exact across replicas.
/// </summary>
internal static class TeamLock
{
    /// <summary>One statement whether or not the team's row exists yet (an upsert: valid on PostgreSQL and SQLite 3.24+).</summary>
    public static Task AcquireAsync(PreviewsDbContext db, string team, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO "Teams" ("Name", "LockVersion") VALUES ({team}, 0)
            ON CONFLICT ("Name") DO UPDATE SET "LockVersion" = "Teams"."LockVersion" + 1
            """,
            cancellationToken);
}
