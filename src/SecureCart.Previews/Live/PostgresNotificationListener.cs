using Microsoft.Extensions.Options;
using Npgsql;
using SecureCart.Previews.Logging;
using SecureCart.Previews.Options;
using SecureCart.Previews.State.Reads;

namespace SecureCart.Previews.Live;

/// <summary>
/// One LISTEN connection per replica: the database's trigger on the event log notifies at commit, and this fans the
/// operation id out to the watchers here. When the connection drops it reconnects with backoff and then rings every
/// watcher, so each reads what was written while nobody listened (NOTIFY is not stored for absent listeners).
/// The same connection hears which environments changed, for this replica's <see cref="EnvironmentCache"/>: the
/// cache serves only while this connection listens, and starts empty on each new one.
/// </summary>
internal sealed class PostgresNotificationListener(
    IOptions<StateOptions> state, IOptions<LiveOptions> options, OperationFeed feed, EnvironmentCache environments, ILogger<PostgresNotificationListener> logger) : BackgroundService
{
    /// <summary>The channel the migration's trigger notifies on; the payload is the operation id.</summary>
    public const string Channel = "previews_operation_events";

    /// <summary>The channel the environments trigger notifies on; the payload is the environment id.</summary>
    public const string EnvironmentsChannel = "previews_environments";

    private volatile bool _listening;
    private int _connections;

    /// <summary>True while the LISTEN connection is up (readiness of the push path; tests wait on it).</summary>
    public bool IsListening => _listening;

    /// <summary>How many times the listener has connected since start (1 = never lost).</summary>
    public int Connections => Volatile.Read(ref _connections);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        // Its own physical connection: a pooled one could be handed to someone else between notifications.
        var connectionString = new NpgsqlConnectionStringBuilder(state.Value.ConnectionString) { Pooling = false, Enlist = false }.ConnectionString;
        var delay = TimeSpan.FromMilliseconds(settings.ReconnectFirstMilliseconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(connectionString, TimeSpan.FromSeconds(settings.ListenerProbeSeconds), () => delay = TimeSpan.FromMilliseconds(settings.ReconnectFirstMilliseconds), stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // Whatever broke the connection, the answer is the same: wait, reconnect, catch up.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                _listening = false;
                environments.NotListening();
                Log.ListenerLost(logger, ex, delay);
            }

            try
            {
                await Task.Delay(delay, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, settings.ReconnectMaxMilliseconds));
        }
    }

    private async Task ListenAsync(string connectionString, TimeSpan probeAfter, Action connected, CancellationToken stoppingToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        connection.Notification += (_, e) =>
        {
            if (!Guid.TryParse(e.Payload, out var id))
            {
                return;
            }

            if (e.Channel == EnvironmentsChannel)
            {
                environments.Invalidate(id);
            }
            else
            {
                feed.Publish(id);
            }
        };
        await connection.OpenAsync(stoppingToken);
        await using (var listen = new NpgsqlCommand($"LISTEN {Channel}; LISTEN {EnvironmentsChannel}", connection))
        {
            await listen.ExecuteNonQueryAsync(stoppingToken);
        }

        var count = Interlocked.Increment(ref _connections);
        _listening = true;
        environments.Listening(count);
        connected();
        if (count > 1)
        {
            Log.ListenerReconnected(logger, feed.WatcherCount);
        }

        // Listening from here on, so a ring now cannot be overtaken by a write nobody hears about.
        feed.PublishAll();
        while (true)
        {
            if (!await connection.WaitAsync(probeAfter, stoppingToken))
            {
                // Quiet is fine; a connection that died without a reset shows only when used.
                await using var probe = new NpgsqlCommand("SELECT 1", connection);
                await probe.ExecuteScalarAsync(stoppingToken);
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _listening = false;
        environments.NotListening();
        await base.StopAsync(cancellationToken);
    }
}
