using System.Diagnostics;
using System.Runtime.InteropServices;

namespace SecureCart.Platform.Review.Benchmark;

/// <summary>The `securecart` command published as the README says to run it: ReadyToRun, for this runtime.</summary>
internal static class Published
{
    public static string Command()
    {
        var repository = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../.."));
        var output = Path.Combine(repository, ".artifacts", "securecart");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "publish", Path.Combine(repository, "src", "SecureCart.Platform.Cli"), "-c", "Release", "-r", RuntimeInformation.RuntimeIdentifier, "-o", output })
        {
            start.ArgumentList.Add(arg);
        }

        Console.WriteLine($"publishing the command (ReadyToRun, {RuntimeInformation.RuntimeIdentifier}) into {output}");
        using var process = Process.Start(start)!;
        var log = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet publish failed ({process.ExitCode}): {log.Result}{error}");
        }

        return Path.Combine(output, OperatingSystem.IsWindows() ? "securecart.exe" : "securecart");
    }
}
