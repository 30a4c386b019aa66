using System.Data.Common;
using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace SecureCart.Previews.Hosting;

/// <summary>
/// Tells a state store that cannot be reached (connection refused or dropped, server shutting down, timeout, SQLite
/// busy) from a fault in the service: the first answers 503 with Retry-After, the second stays a 500.
/// </summary>
internal static class StateUnavailable
{
    public static bool Is(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case PostgresException postgres:
                    // 08: connection exception; 53: insufficient resources; 57P: operator intervention (shutdown).
                    return postgres.SqlState.StartsWith("08", StringComparison.Ordinal)
                        || postgres.SqlState.StartsWith("53", StringComparison.Ordinal)
                        || postgres.SqlState.StartsWith("57P", StringComparison.Ordinal);
                case NpgsqlException npgsql when npgsql.IsTransient:
                case SqliteException { SqliteErrorCode: 5 or 6 }:
                case TimeoutException:
                case SocketException:
                // A pooled connection the outage broke fails on first use after the server is back.
                case IOException:
                    return true;
                case DbException:
                    return false;
            }
        }

        return false;
    }
}
