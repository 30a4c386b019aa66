using System.Diagnostics;
using System.Globalization;
using System.Text;
using SecureCart.Platform.Review.Digest;
using SecureCart.Platform.Review.Preview;
using SecureCart.Platform.Review.Reports;
using SecureCart.Platform.Review.Risk;

namespace SecureCart.Platform.Review.Benchmark;

/// <summary>
/// In-process breakdown of where the review's time goes, each phase timed on its own: reading alone (scanning,
/// UTF-8 checks and parsing every step), reading with the digest, reading with the risk rules, the whole review (reading, changes, digest, risk rules, cost), and
/// writing the JSON report of that review to a file. The whole-command figures are the goal; these say where
/// to look.
/// </summary>
internal static class Phases
{
    public static void Print(string file)
    {
        var steps = 0;
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var read = Stopwatch.StartNew();
        new PreviewReader().ReadFile(file, _ => steps++);
        read.Stop();
        var readMiB = Allocated(ref allocated);

        using var digest = new ReviewDigest();
        var digesting = Stopwatch.StartNew();
        new PreviewReader().ReadFile(file, _ => { }, digest.Add);
        digest.Finish();
        digesting.Stop();
        var digestMiB = Allocated(ref allocated);

        var findings = 0;
        var policy = new ReviewPolicy();
        var judging = Stopwatch.StartNew();
        new PreviewReader().ReadFile(file, step =>
        {
            foreach (var rule in RiskRules.All)
            {
                findings += rule.Evaluate(step, policy).Count();
            }
        });
        judging.Stop();
        var judgeMiB = Allocated(ref allocated);

        var review = Stopwatch.StartNew();
        var result = new ChangeReviewer().ReviewFile(file);
        review.Stop();
        var reviewMiB = Allocated(ref allocated);

        var report = Path.ChangeExtension(file, ".phases.json");
        var write = Stopwatch.StartNew();
        using (var writer = new StreamWriter(report, append: false, new UTF8Encoding(false)))
        {
            ReportWriter.Write([result], ReportFormat.Json, writer);
        }

        write.Stop();
        var writeMiB = Allocated(ref allocated);
        File.Delete(report);
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"in-process phases ({steps:N0} steps, {result.Changes.Length:N0} changes): reading {read.Elapsed.TotalSeconds:F2}s ({readMiB:F0} MiB allocated); reading+digest {digesting.Elapsed.TotalSeconds:F2}s ({digestMiB:F0} MiB); reading+risk rules {judging.Elapsed.TotalSeconds:F2}s ({findings:N0} findings, {judgeMiB:F0} MiB); whole review {review.Elapsed.TotalSeconds:F2}s ({reviewMiB:F0} MiB); writing the JSON report {write.Elapsed.TotalSeconds:F2}s ({writeMiB:F0} MiB)"));
    }

    // What a phase allocated, in MiB: the GC's work grows with it, and so does the time of a loaded machine.
    private static double Allocated(ref long before)
    {
        var now = GC.GetTotalAllocatedBytes(precise: true);
        var mib = (now - before) / (1024.0 * 1024.0);
        before = now;
        return mib;
    }
}
