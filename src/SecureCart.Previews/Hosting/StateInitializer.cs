using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SecureCart.Previews.Auth;
using SecureCart.Previews.Engine;
using SecureCart.Previews.Logging;
using SecureCart.Previews.Options;
using SecureCart.Previews.State;

namespace SecureCart.Previews.Hosting;

/// <summary>Migrates the state store and, when configured, makes sure the development key exists, before anything else starts.</summary>
internal sealed class StateInitializer(
    IDbContextFactory<PreviewsDbContext> contexts, ApiKeys keys, IPreviewEngine engine, IOptions<StateOptions> state, IOptions<AuthOptions> auth, ILogger<StateInitializer> logger)
    : IHostedService
{
    public const string DevelopmentTeam = "dev";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            if (!state.Value.IsPostgres)
            {
                // WAL lets readers (SSE, GETs) go on while the single writer commits.
                await db.Database.OpenConnectionAsync(cancellationToken);
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            }

            await db.Database.MigrateAsync(cancellationToken);
        }

        Log.Started(logger, state.Value.IsPostgres ? "PostgreSQL" : "SQLite", engine.Name);
        if (!string.IsNullOrEmpty(auth.Value.DevelopmentKey))
        {
            // Only when the operator asked for it; the key came from configuration, so there is nothing to print.
            await keys.EnsureAsync(DevelopmentTeam, "development", auth.Value.DevelopmentKey, cancellationToken);
            Log.DevelopmentKeyEnsured(logger, DevelopmentTeam);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
