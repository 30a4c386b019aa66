using System.Data;
using Npgsql;

namespace SecureCart.Previews.State;

/// <summary>What the hand-written PostgreSQL paths (creates, the worker's claim and completion) share.</summary>
internal static class PostgresCommands
{
    /// <summary>A batch command with positional parameters; null goes as SQL NULL.</summary>
    public static NpgsqlBatchCommand Command(string sql, params object?[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        }

        return command;
    }

    public static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Ends a transaction an error, a cancellation or a dropped connection interrupted. On a live connection the
    /// rollback releases its row locks at once; on a broken one there is nothing to send (the server rolled back when
    /// the connection went), and the original exception is the one the caller must see.
    /// </summary>
    public static async Task AbandonAsync(NpgsqlConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (connection.FullState != ConnectionState.Open)
        {
            return;
        }

        try
        {
            await ExecuteAsync(connection, "ROLLBACK", CancellationToken.None);
        }
        catch (NpgsqlException) when (connection.FullState.HasFlag(ConnectionState.Broken))
        {
            // The connection broke while rolling back: the server ends the transaction with the connection.
            return;
        }
    }

    public static long Ms(DateTimeOffset at) => at.ToUnixTimeMilliseconds();

    public static long? Ms(DateTimeOffset? at) => at?.ToUnixTimeMilliseconds();
}
