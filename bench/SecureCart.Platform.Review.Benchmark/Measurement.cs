using System.Diagnostics;
using System.Globalization;

namespace SecureCart.Platform.Review.Benchmark;

/// <summary>Wall time and peak resident memory of jq and of the review, measured the same run.</summary>
internal sealed record Measurement(double Seconds, double PeakMiB, string Result)
{
    /// <summary>`jq '.steps | length'` under GNU time (`%e` seconds, `%M` peak KiB).</summary>
    public static Measurement Jq(string file)
    {
        var start = new ProcessStartInfo("/usr/bin/time") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "-f", "%e %M", "jq", ".steps | length", file })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd().Trim();
        var timing = process.StandardError.ReadToEnd().Trim().Split('\n')[^1].Split(' ');
        process.WaitForExit();
        return new Measurement(
            double.Parse(timing[0], CultureInfo.InvariantCulture),
            double.Parse(timing[1], CultureInfo.InvariantCulture) / 1024,
            $"{output} steps");
    }

    /// <summary>The review in this process; the peak is reset first (Linux `clear_refs` 5) so generation does not count.</summary>
    public static Measurement Review(string file)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        File.WriteAllText("/proc/self/clear_refs", "5");
        var clock = Stopwatch.StartNew();
        var result = new ChangeReviewer().ReviewFile(file);
        clock.Stop();
        var peakKib = File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal))
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
        return new Measurement(
            clock.Elapsed.TotalSeconds,
            double.Parse(peakKib, CultureInfo.InvariantCulture) / 1024,
            $"{result.Header.StepCount} steps, {result.Changes.Length} changes, {result.Findings.Length} findings, {result.Digest[..19]}…");
    }
}
