using System.Diagnostics;
using System.Globalization;

namespace SecureCart.Platform.Review.Benchmark;

/// <summary>Wall time and peak resident memory of a whole process under GNU time, measured the same run.</summary>
internal sealed record Measurement(double Seconds, double PeakMiB, string Result)
{
    /// <summary>`jq '.steps | length'` (`%e` seconds, `%M` peak KiB).</summary>
    public static Measurement Jq(string file)
    {
        var (seconds, peak, output) = Timed("jq", ".steps | length", file);
        return new Measurement(seconds, peak, $"{output} steps");
    }

    /// <summary>
    /// The whole command an auditor runs, `securecart review --format json`, as its own process: start-up,
    /// reading, judging and writing the report (to a file, as CI does), not only the in-process reviewer.
    /// </summary>
    public static Measurement Review(string cli, string file)
    {
        var report = Path.ChangeExtension(file, ".review.json");
        string[] command = cli.EndsWith(".dll", StringComparison.Ordinal) ? ["dotnet", cli] : [cli];
        var (seconds, peak, _) = Timed([.. command, "review", file, "--format", "json", "--output", report, "--fail-on", "none"]);
        var size = new FileInfo(report).Length / (1024.0 * 1024.0);
        return new Measurement(seconds, peak, string.Create(CultureInfo.InvariantCulture, $"report {size:F1} MiB"));
    }

    private static (double Seconds, double PeakMiB, string Output) Timed(params string[] command)
    {
        var start = new ProcessStartInfo("/usr/bin/time") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-f");
        start.ArgumentList.Add("%e %M");
        foreach (var arg in command)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd().Trim();
        var error = process.StandardError.ReadToEnd().Trim();
        process.WaitForExit();
        var timing = error.Split('\n')[^1].Split(' ');
        if (process.ExitCode != 0 || timing.Length != 2)
        {
            throw new InvalidOperationException($"{command[0]} failed ({process.ExitCode}): {error}");
        }

        return (double.Parse(timing[0], CultureInfo.InvariantCulture), double.Parse(timing[1], CultureInfo.InvariantCulture) / 1024, output);
    }
}
