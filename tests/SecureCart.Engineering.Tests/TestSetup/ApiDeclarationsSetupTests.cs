namespace SecureCart.Engineering.Tests.TestSetup;

public sealed class ApiDeclarationsSetupTests
{
    [Fact]
    public async Task Declarations_InstalledOnceAndAgainWhenTheLockFileChanges()
    {
        using var setup = new SetupScript();
        var folder = Directory.CreateDirectory(Path.Combine(setup.Root, "eng", "api-declarations")).FullName;
        File.Copy(SetupScript.RepositoryPath("eng", "api-declarations", "package.json"), Path.Combine(folder, "package.json"));
        File.Copy(SetupScript.RepositoryPath("eng", "api-declarations", "package-lock.json"), Path.Combine(folder, "package-lock.json"));
        var calls = Path.Combine(setup.Root, "npm-calls");
        setup.FakeCommand("npm", $"echo \"$PWD $*\" >> '{calls}'; mkdir -p node_modules");

        Assert.Equal(0, (await setup.RunAsync("setup_api_declarations")).ExitCode);
        Assert.Equal(0, (await setup.RunAsync("setup_api_declarations")).ExitCode);
        var afterTwoRuns = File.ReadAllLines(calls);

        File.AppendAllText(Path.Combine(folder, "package-lock.json"), "\n");
        Assert.Equal(0, (await setup.RunAsync("setup_api_declarations")).ExitCode);

        var call = Assert.Single(afterTwoRuns);
        Assert.Equal($"{folder} ci --ignore-scripts --no-audit --no-fund --loglevel=error", call);
        Assert.Equal(2, File.ReadAllLines(calls).Length);
    }

    [Fact]
    public async Task Declarations_NpmFails_StopsWithOneLineAndTheCountLine()
    {
        using var setup = new SetupScript();
        var folder = Directory.CreateDirectory(Path.Combine(setup.Root, "eng", "api-declarations")).FullName;
        File.WriteAllText(Path.Combine(folder, "package.json"), "{}");
        File.WriteAllText(Path.Combine(folder, "package-lock.json"), "{}");
        setup.FakeCommand("npm", "echo 'npm ERR! 404 Not Found - @pulumi/aws' >&2; exit 1");

        var (exitCode, output, error) = await setup.RunAsync("setup_api_declarations; echo unreachable");

        Assert.Equal(1, exitCode);
        Assert.DoesNotContain("unreachable", output);
        Assert.EndsWith("0 passed, 1 failed, 0 skipped\n", output);
        Assert.Contains("npm ci in eng/api-declarations failed: npm ERR! 404 Not Found - @pulumi/aws", error);
    }
}
