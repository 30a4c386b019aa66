using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using SecureCart.Previews.Api;
using SecureCart.Previews.Auth;
using SecureCart.Previews.Engine;
using SecureCart.Previews.State;

namespace SecureCart.Previews.Tests.Support;

/// <summary>The real service on Kestrel on loopback, over a fresh database, with a fake clock.</summary>
public sealed class PreviewsServer : IAsyncDisposable
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The audit chain's key in tests; a test that rewrites the chain "with the key" uses it too.</summary>
    public const string TestHmacKey = "test-audit-key-0123456789abcdef0123456789";

    private readonly WebApplication _app;
    private readonly TestDatabase _database;
    private readonly bool _ownsDatabase;
    private readonly List<HttpClient> _clients = [];

    private PreviewsServer(WebApplication app, TestDatabase database, bool ownsDatabase, FakeTimeProvider time, Uri address)
    {
        _app = app;
        _database = database;
        _ownsDatabase = ownsDatabase;
        Time = time;
        Address = address;
    }

    public FakeTimeProvider Time { get; }
    public Uri Address { get; }
    public IServiceProvider Services => _app.Services;
    public TestDatabase Database => _database;

    public static async Task<PreviewsServer> StartAsync(
        string provider, IPreviewEngine? engine = null, Dictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null) =>
        await StartOnAsync(await TestDatabase.CreateAsync(provider), ownsDatabase: true, connectionString: null, engine, settings, systemClock: false, services: services);

    /// <summary>
    /// Another replica on an existing database, on the real clock (leases then run out in real time), optionally
    /// reaching the database through <paramref name="connectionString"/> (e.g. a proxy the test can cut).
    /// </summary>
    public static Task<PreviewsServer> StartReplicaAsync(
        TestDatabase database, string? connectionString, IPreviewEngine engine, Dictionary<string, string?>? settings = null, ILoggerProvider? logs = null) =>
        StartOnAsync(database, ownsDatabase: false, connectionString, engine, settings, systemClock: true, logs);

    /// <summary>Another replica on an existing database that shares <paramref name="time"/> (e.g. the first replica's fake clock).</summary>
    public static Task<PreviewsServer> StartReplicaAsync(TestDatabase database, FakeTimeProvider time, Dictionary<string, string?>? settings = null) =>
        StartOnAsync(database, ownsDatabase: false, null, null, settings, systemClock: false, clock: time);

    private static async Task<PreviewsServer> StartOnAsync(
        TestDatabase database, bool ownsDatabase, string? connectionString, IPreviewEngine? engine, Dictionary<string, string?>? settings, bool systemClock, ILoggerProvider? logs = null, Action<IServiceCollection>? services = null, FakeTimeProvider? clock = null)
    {
        var time = clock ?? new FakeTimeProvider(new DateTimeOffset(2025, 6, 1, 12, 0, 0, TimeSpan.Zero));
        var builder = WebApplication.CreateBuilder();
        var config = new Dictionary<string, string?>
        {
            ["Previews:State:Provider"] = database.Provider,
            ["Previews:State:ConnectionString"] = connectionString ?? database.ConnectionString,
            ["Previews:Worker:PollMilliseconds"] = "50",
            ["Previews:Worker:LeaseSeconds"] = "60",
            ["Previews:Reaper:Enabled"] = "false",
            ["Previews:Audit:HmacKey"] = TestHmacKey,
            // The worker's yield to creates in flight waits on the server's clock, which most tests never move; the
            // tests of the yield set it themselves.
            ["Previews:Worker:MaxYieldMilliseconds"] = "0",
        };
        foreach (var (key, value) in settings ?? [])
        {
            config[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(config);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        if (logs is not null)
        {
            builder.Logging.AddProvider(logs);
        }

        builder.Services.AddSingleton(systemClock ? TimeProvider.System : time);
        if (engine is not null)
        {
            builder.Services.AddSingleton(engine);
        }

        services?.Invoke(builder.Services);
        builder.Services.AddPreviews(builder.Configuration);
        var app = builder.Build();
        app.MapPreviews();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new PreviewsServer(app, database, ownsDatabase, time, new Uri(address));
    }

    public async Task<HttpClient> ClientForAsync(string team, bool admin = false, string name = "tester")
    {
        var key = ApiKeys.NewKey();
        var contexts = Services.GetRequiredService<IDbContextFactory<PreviewsDbContext>>();
        await using (var db = await contexts.CreateDbContextAsync())
        {
            await Services.GetRequiredService<ApiKeys>().AddAsync(db, team, name, admin, key, CancellationToken.None);
        }

        var client = Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    public HttpClient Anonymous()
    {
        var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(60) };
        _clients.Add(client);
        return client;
    }

    public async Task<PreviewsDbContext> DbAsync() =>
        await Services.GetRequiredService<IDbContextFactory<PreviewsDbContext>>().CreateDbContextAsync();

    public static async Task<EnvironmentAcceptedView> CreateAsync(HttpClient client, string name, string size = "small", int? ttlHours = null)
    {
        var response = await client.PostAsJsonAsync("/v1/environments", new { name, gitRef = "feature/" + name, size, ttlHours });
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<EnvironmentAcceptedView>(Json))!;
    }

    public static async Task<EnvironmentView> WaitForStatusAsync(HttpClient client, Guid id, string status)
    {
        EnvironmentView? view = null;
        for (var i = 0; i < 300; i++)
        {
            view = await client.GetFromJsonAsync<EnvironmentView>($"/v1/environments/{id}", Json);
            if (view!.Status == status)
            {
                return view;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"environment {id} stayed {view?.Status} ({view?.StatusReason}); expected {status}");
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        await _app.StopAsync();
        await _app.DisposeAsync();
        if (_ownsDatabase)
        {
            await _database.DisposeAsync();
        }
    }
}
