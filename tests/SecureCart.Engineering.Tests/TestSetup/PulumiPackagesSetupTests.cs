namespace SecureCart.Engineering.Tests.TestSetup;

public sealed class PulumiPackagesSetupTests
{
    [Fact]
    public async Task StandinFeed_FoundBesideTheRepositoryACloneCameFrom()
    {
        using var setup = new SetupScript();
        var origin = Directory.CreateDirectory(Path.Combine(setup.Root, "work", "main")).FullName;
        var feed = Directory.CreateDirectory(Path.Combine(setup.Root, "work", "shared", "feeds", "pulumi-standin")).FullName;
        File.WriteAllText(Path.Combine(feed, "Pulumi.Aws.7.48.0-stub.nupkg"), "");
        var clone = Directory.CreateDirectory(Path.Combine(setup.Root, "tmp-clone")).FullName;

        var (exitCode, output, _) = await setup.RunAsync(
            $"git init -q '{clone}' && git -C '{clone}' remote add origin '{origin}' && root='{clone}' && _standin_feed");

        Assert.Equal(0, exitCode);
        Assert.Equal(feed, output.Trim());
    }

    [Fact]
    public async Task StandinFeed_NoneAnywhere_ReportsNotFound()
    {
        using var setup = new SetupScript();
        var clone = Directory.CreateDirectory(Path.Combine(setup.Root, "lonely")).FullName;

        var (exitCode, output, _) = await setup.RunAsync($"git init -q '{clone}' && root='{clone}' && _standin_feed || echo none");

        Assert.Equal(0, exitCode);
        Assert.Equal("none", output.Trim());
    }
}
