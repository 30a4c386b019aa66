namespace SecureCart.Engineering.Tests.TestSetup;

public sealed class ChromiumSetupTests
{
    [Fact]
    public async Task Chromium_ConfiguredPathNotExecutable_FailsWithWhatToFix()
    {
        using var setup = new SetupScript();
        setup.Environment["SECURECART_CHROMIUM"] = Path.Combine(setup.Root, "no-such-browser");

        var (exitCode, _, error) = await setup.RunAsync("setup_chromium");

        Assert.Equal(1, exitCode);
        Assert.Contains("no-such-browser is not an executable; point it at chromium or unset it", error);
    }

    [Fact]
    public async Task Chromium_OnPath_IsExportedForTheTests()
    {
        using var setup = new SetupScript();
        setup.FakeCommand("chromium", "exit 0");

        var (exitCode, output, _) = await setup.RunAsync("setup_chromium; echo \"browser=$SECURECART_CHROMIUM\"");

        Assert.Equal(0, exitCode);
        Assert.Contains($"browser={Path.Combine(setup.Bin, "chromium")}", output);
    }
}
