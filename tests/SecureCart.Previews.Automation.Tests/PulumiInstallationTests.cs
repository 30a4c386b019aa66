using SecureCart.Previews.Automation.Tests.Support;

namespace SecureCart.Previews.Automation.Tests;

public sealed class PulumiInstallationTests
{
    [Fact]
    public async Task Operations_AfterStartUp_UseThePluginInstalledOnceAndDownloadNothing()
    {
        using var fake = new FakePulumi();
        using var replica = new Replica(fake);
        var sink = new RecordingSink();

        await replica.Installation.CommandAsync(TestContext.Current.CancellationToken);
        fake.Set("offline");
        foreach (var name in new[] { "pv-a", "pv-b", "pv-c" })
        {
            await replica.Engine.UpAsync(Replica.Request(name), sink, TestContext.Current.CancellationToken);
        }

        await replica.Engine.DestroyAsync(Replica.Request("pv-a"), sink, TestContext.Current.CancellationToken);

        Assert.Single(fake.Downloads());
        Assert.Single(fake.Calls("plugin install"));
        Assert.Equal(["plugin", "install", "resource", "aws", "7.48.0", "--exact"], fake.Calls("plugin install")[0]["args"]!.AsArray().Select(a => (string)a!).Take(6));
        Assert.Equal(3, fake.Calls("up").Count);
        Assert.All(fake.Calls("up").Concat(fake.Calls("destroy")), c => Assert.True((bool)c["pluginsShared"]!));
        // Offline means no release check either: the CLI asks the network for a newer version unless told not to.
        Assert.All(fake.Calls(), c => Assert.Equal("true", (string?)c["skipUpdateCheck"]));
        Assert.True(Directory.Exists(Path.Combine(replica.Options.ResolvedPluginDirectory, "resource-aws-v7.48.0")), "the operations' clean-up removed the shared plugin folder");
        Assert.DoesNotContain(Directory.GetDirectories(replica.Options.WorkRoot), d => d != replica.Options.ResolvedPluginDirectory);
    }

    [Fact]
    public async Task Operations_OnTwoReplicas_DownloadOncePerReplica()
    {
        using var fake = new FakePulumi();
        using var first = new Replica(fake);
        using var second = new Replica(fake);
        var sink = new RecordingSink();

        await Task.WhenAll(
            first.Engine.UpAsync(Replica.Request("pv-a"), sink, TestContext.Current.CancellationToken),
            second.Engine.UpAsync(Replica.Request("pv-b"), sink, TestContext.Current.CancellationToken));
        await Task.WhenAll(
            first.Engine.UpAsync(Replica.Request("pv-c"), sink, TestContext.Current.CancellationToken),
            second.Engine.UpAsync(Replica.Request("pv-d"), sink, TestContext.Current.CancellationToken));

        Assert.Equal(2, fake.Downloads().Count);
        Assert.Equal(4, fake.Calls("up").Count);
    }

    [Fact]
    public async Task StartUp_OfflineWithAPrefilledPluginFolder_InstallsNothingAndOperationsRun()
    {
        using var fake = new FakePulumi();
        var baked = Directory.CreateDirectory(Path.Combine(fake.Root, "image-plugins", "resource-aws-v7.48.0")).Parent!.FullName;
        using var replica = new Replica(fake, o => o.PluginDirectory = baked);
        fake.Set("offline");

        await replica.Installation.CommandAsync(TestContext.Current.CancellationToken);
        var result = await replica.Engine.UpAsync(Replica.Request("pv-a"), new RecordingSink(), TestContext.Current.CancellationToken);

        Assert.Empty(fake.Downloads());
        Assert.Equal("https://preview-shop-pv-a.example", result.Outputs["url"]);
    }

    [Fact]
    public async Task StartUp_OfflineWithAnEmptyPluginFolder_FailsWithTheCliReasonAndTheNextOperationTriesAgain()
    {
        using var fake = new FakePulumi();
        using var replica = new Replica(fake);
        fake.Set("offline");

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => replica.Installation.CommandAsync(TestContext.Current.CancellationToken));
        File.Delete(Path.Combine(fake.State, "offline"));
        await replica.Engine.UpAsync(Replica.Request("pv-a"), new RecordingSink(), TestContext.Current.CancellationToken);

        Assert.Contains("could not install plugin", failure.Message, StringComparison.Ordinal);
        Assert.Single(fake.Downloads());
        Assert.Equal(2, fake.Calls("plugin install").Count);
    }
}
