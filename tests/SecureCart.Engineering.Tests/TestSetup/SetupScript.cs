using System.Diagnostics;
using System.Text;

namespace SecureCart.Engineering.Tests.TestSetup;

/// <summary>Runs one of eng/test-setup's functions in a bash of its own, with a temporary root, TMPDIR and PATH.</summary>
internal sealed class SetupScript : IDisposable
{
    private static readonly string s_repository = FindRepository();

    public SetupScript()
    {
        Root = Directory.CreateTempSubdirectory("securecart-setup-").FullName;
        Temp = Directory.CreateDirectory(Path.Combine(Root, "tmp")).FullName;
        Bin = Directory.CreateDirectory(Path.Combine(Root, "bin")).FullName;
        Directory.CreateDirectory(Path.Combine(Root, ".artifacts"));

        // The throwaway server runs as the postgres account when the tests run as root: it must reach its folder.
        var open = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
            | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;
        File.SetUnixFileMode(Root, open);
        File.SetUnixFileMode(Temp, open);
    }

    /// <summary>Stands in for the checkout: the functions read $root and write under $out.</summary>
    public string Root { get; }

    /// <summary>The TMPDIR the script sees, so a test can tell what it left behind.</summary>
    public string Temp { get; }

    /// <summary>Put first on PATH, for fake commands.</summary>
    public string Bin { get; }

    public Dictionary<string, string?> Environment { get; } = new(StringComparer.Ordinal);

    public static string RepositoryPath(params string[] parts) => Path.Combine([s_repository, .. parts]);

    public void FakeCommand(string name, string body)
    {
        var path = Path.Combine(Bin, name);
        File.WriteAllText(path, "#!/usr/bin/env bash\n" + body + "\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    /// <summary>Starts bash with the set-up parts sourced, then <paramref name="commands"/>.</summary>
    public Process Start(string commands)
    {
        var script = new StringBuilder()
            .AppendLine("set -uo pipefail")
            .AppendLine($"root='{Root}'; out='{Root}/.artifacts'")
            .AppendLine($"for part in common postgres api-declarations chromium dns-server pulumi-packages; do source '{s_repository}/eng/test-setup/'$part.sh; done")
            .AppendLine(commands)
            .ToString();
        var start = new ProcessStartInfo("bash", ["-c", script])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["TMPDIR"] = Temp;
        start.Environment["PATH"] = Bin + ":" + System.Environment.GetEnvironmentVariable("PATH");
        start.Environment.Remove("SECURECART_TEST_POSTGRES");
        start.Environment.Remove("SECURECART_CHROMIUM");
        start.Environment.Remove("SECURECART_PULUMI_STANDIN_FEED");
        foreach (var (key, value) in Environment)
        {
            start.Environment[key] = value;
        }

        return Process.Start(start) ?? throw new InvalidOperationException("bash did not start");
    }

    public async Task<(int ExitCode, string Output, string Error)> RunAsync(string commands)
    {
        using var process = Start(commands);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));
        return (process.ExitCode, await output, await error);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A server that a failed test left running may still hold files; the temp folder is not ours to police.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static string FindRepository()
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
