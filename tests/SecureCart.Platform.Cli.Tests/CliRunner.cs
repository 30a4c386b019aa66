namespace SecureCart.Platform.Cli.Tests;

/// <summary>Runs the real root command in-process and captures what it writes.</summary>
internal static class CliRunner
{
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await SecureCartCommand.InvokeAsync(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>A scratch copy of the project's Pulumi files, for tests that break them.</summary>
    public static string CopyProject()
    {
        var directory = Path.Combine(Path.GetTempPath(), "securecart-cli-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        foreach (var file in Directory.EnumerateFiles(RepositoryRoot, "Pulumi*.yaml"))
        {
            File.Copy(file, Path.Combine(directory, Path.GetFileName(file)));
        }

        return directory;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SecureCart.Platform.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("SecureCart.Platform.sln not found above " + AppContext.BaseDirectory);
    }
}
