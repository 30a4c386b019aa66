using System.Text.Json;

namespace SecureCart.Platform.Cli.Tests;

/// <summary>
/// The runtime settings the command ships with (its `securecart.runtimeconfig.json`, built beside the tests):
/// they decide how much of a large review's CPU goes to compiling rather than reviewing.
/// </summary>
public sealed class RuntimeSettingsTests
{
    [Fact]
    public void RuntimeConfig_TieringSettings_PromoteOnlyMethodsCalledOften()
    {
        var settings = ConfigProperties();

        Assert.Equal(0, settings.GetProperty("System.Runtime.TieredCompilation.CallCountingDelayMs").GetInt32());
        Assert.Equal(1000, settings.GetProperty("System.Runtime.TieredCompilation.CallCountThreshold").GetInt32());
        Assert.False(settings.GetProperty("System.Runtime.TieredPGO").GetBoolean());
    }

    [Fact]
    public void RuntimeConfig_TieredCompilation_StaysOn()
    {
        // Switching tiering off leaves the hot paths in ReadyToRun code, which cannot inline across assemblies:
        // a third more CPU on a 100,000-step review.
        Assert.False(ConfigProperties().TryGetProperty("System.Runtime.TieredCompilation", out _));
    }

    private static JsonElement ConfigProperties()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "securecart.runtimeconfig.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties").Clone();
    }
}
