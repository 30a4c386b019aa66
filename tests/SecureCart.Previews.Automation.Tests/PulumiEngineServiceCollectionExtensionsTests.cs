using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace SecureCart.Previews.Automation.Tests;

public sealed class PulumiEngineServiceCollectionExtensionsTests
{
    [Theory]
    [InlineData("Previews:Pulumi:BackendUrl", "", "BackendUrl")]
    [InlineData("Previews:Pulumi:LockAttempts", "0", "LockAttempts")]
    [InlineData("Previews:Pulumi:Plugins:0:Version", "latest", "semantic Version")]
    [InlineData("Previews:Pulumi:LockFirstDelaySeconds", "120", "LockMaxDelaySeconds must be at least")]
    public void Options_Invalid_FailNamingTheSettingToFix(string key, string value, string named)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Previews:Pulumi:BackendUrl"] = "s3://previews-state",
            ["Previews:Pulumi:Plugins:0:Name"] = "aws",
            ["Previews:Pulumi:Plugins:0:Version"] = "7.48.0",
            [key] = value,
        };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging()
            .AddPulumiPreviewEngine(configuration).BuildServiceProvider();

        var failure = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<PulumiEngineOptions>>().Value);

        Assert.Contains(named, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_Valid_BindPluginsAndLockSettings()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Previews:Pulumi:BackendUrl"] = "s3://previews-state",
            ["Previews:Pulumi:Plugins:0:Name"] = "aws",
            ["Previews:Pulumi:Plugins:0:Version"] = "7.48.0",
            ["Previews:Pulumi:LockAttempts"] = "7",
        }).Build();
        using var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging()
            .AddPulumiPreviewEngine(configuration).BuildServiceProvider();

        var options = services.GetRequiredService<IOptions<PulumiEngineOptions>>().Value;

        Assert.Equal(("aws", "7.48.0"), (options.Plugins.Single().Name, options.Plugins.Single().Version));
        Assert.Equal(7, options.LockAttempts);
        Assert.Equal(Path.Combine(options.WorkRoot, "plugins"), options.ResolvedPluginDirectory);
    }
}
