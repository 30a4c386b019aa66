using SecureCart.Previews.Automation.Tests.Support;
using SecureCart.Previews.Engine;

namespace SecureCart.Previews.Automation.Tests;

/// <summary>The database role's password reaches the preview stack as secret configuration, and only as that.</summary>
public sealed class DatabaseConfigTests
{
    [Fact]
    public async Task Up_WithDatabase_SetsThePasswordAsSecretStackConfig()
    {
        using var fake = new FakePulumi();
        using var replica = new Replica(fake);
        var request = Replica.Request("pv-db") with { Database = new EngineDatabase("pv_pv_db_0123456789", "derived-password", 5432) };
        var sink = new RecordingSink();

        await replica.Engine.UpAsync(request, sink, TestContext.Current.CancellationToken);

        var set = Assert.Single(ConfigCalls(fake, "set"));
        Assert.Contains("--secret", set);
        Assert.Equal("derived-password", set[^1]);
        Assert.True(fake.Calls("up").Count == 1);
        Assert.DoesNotContain(sink.Events, e => e.Message.Contains("derived-password", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Up_WithoutDatabase_RemovesAnyEarlierPassword()
    {
        using var fake = new FakePulumi();
        using var replica = new Replica(fake);

        await replica.Engine.UpAsync(Replica.Request("pv-nodb"), new RecordingSink(), TestContext.Current.CancellationToken);

        Assert.Empty(ConfigCalls(fake, "set"));
        Assert.Single(ConfigCalls(fake, "rm"));
    }

    private static IEnumerable<string[]> ConfigCalls(FakePulumi fake, string verb) =>
        fake.Calls()
            .Select(c => c["args"]!.AsArray().Select(a => (string)a!).ToArray())
            .Where(a => a.Length > 2 && a[0] == "config" && a[1] == verb && a[2].EndsWith(":databasePassword", StringComparison.Ordinal));
}
