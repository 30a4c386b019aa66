using Microsoft.EntityFrameworkCore;

namespace SecureCart.Previews.State;

/// <summary>
/// Serializes a team's changes inside the caller's transaction: updating the team's row holds a row lock on PostgreSQL
/// and the write lock on SQLite, so quota checks and "one operation per environment" are exact across replicas.
/// </summary>
internal static class TeamLock
{
    public static async Task AcquireAsync(PreviewsDbContext db, string team, CancellationToken cancellationToken)
    {
        if (await BumpAsync(db, team, cancellationToken) == 1)
        {
            return;
        }

        // Valid on both providers: a racing first insert waits for the other and then does nothing.
        await db.Database.ExecuteSqlAsync($"""INSERT INTO "Teams" ("Name", "LockVersion") VALUES ({team}, 0) ON CONFLICT DO NOTHING""", cancellationToken);
        await BumpAsync(db, team, cancellationToken);
    }

    private static Task<int> BumpAsync(PreviewsDbContext db, string team, CancellationToken cancellationToken) =>
        db.Teams.Where(t => t.Name == team)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.LockVersion, t => t.LockVersion + 1), cancellationToken);
}
