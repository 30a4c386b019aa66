using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace SecureCart.Previews.State.Reads;

internal static class EnvironmentReadsRegistration
{
    /// <summary>
    /// PostgreSQL: the reader owns a data source of its own on the service's connection string (its statements are
    /// prepared on its connections, and nothing else in the service shares or disposes it). SQLite: EF Core.
    /// Either way behind the per-replica cache unless it is turned off; the cache and its write-side invalidation are
    /// registered in any case (the PostgreSQL listener and the EF Core interceptor report to it).
    /// </summary>
    public static IServiceCollection AddEnvironmentReads(this IServiceCollection services, bool isPostgres, string connectionString, bool cached)
    {
        services.AddSingleton<EnvironmentCache>();
        services.AddSingleton<EnvironmentCacheInvalidation>();
        Func<IServiceProvider, IEnvironmentReader> store = isPostgres
            ? _ => new PostgresEnvironmentReader(NpgsqlDataSource.Create(ForReads(connectionString)))
            : sp => new EntityEnvironmentReader(sp.GetRequiredService<IDbContextFactory<PreviewsDbContext>>());
        services.AddSingleton<IEnvironmentReader>(sp => cached ? new CachedEnvironmentReader(store(sp), sp.GetRequiredService<EnvironmentCache>()) : store(sp));
        return services;
    }

    /// <summary>
    /// Unless the operator chose: multiplexing, so concurrent reads share connections and go out together in one
    /// write instead of one connection and one round trip of wake-ups each (the reads need no session state).
    /// </summary>
    private static string ForReads(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!connectionString.Contains("Multiplexing", StringComparison.OrdinalIgnoreCase))
        {
            builder.Multiplexing = true;
        }

        return builder.ConnectionString;
    }
}
