using System.Diagnostics;
using SecureCart.Platform.Review.Reports;

namespace SecureCart.Platform.Review.Tests.Reports;

/// <summary>Opens the HTML report in real headless Chromium: the findings render and the inline script runs cleanly.</summary>
public sealed class HtmlReportChromiumTests
{
    // A missing browser fails the test rather than skipping it: eng/test.sh finds or installs one.
    private static string Chromium =>
        Environment.GetEnvironmentVariable("SECURECART_CHROMIUM") is { Length: > 0 } configured ? configured
        : File.Exists("/usr/bin/chromium") ? "/usr/bin/chromium"
        : throw new InvalidOperationException("Chromium not found: install it (Debian: apt-get install chromium) or set SECURECART_CHROMIUM; eng/test.sh does either.");

    [Fact]
    public async Task Html_OpenedInHeadlessChromium_RendersFindingsAndRunsItsScript()
    {
        var work = Directory.CreateTempSubdirectory("securecart-html-");
        try
        {
            var page = Path.Combine(work.FullName, "review.html");
            var results = new[] { "risk/SC006-open-ingress.json", "risk/SC001-stateful-replace.json", "pulumi-cli/preview-aws-sg-replace.json" }
                .Select(f => Fixture.Review(f)).ToList();
            await using (var writer = new StreamWriter(page))
            {
                HtmlReport.Write(results, writer);
            }

            var (dom, log) = await DumpDomAsync(page, work.FullName);

            Assert.Contains("data-ready=\"true\"", dom);
            Assert.Contains("<span id=\"finding-count\">2</span>", dom);
            Assert.Contains("bastion-sg allows tcp port 22 from ::/0", dom);
            Assert.Contains("open-ingress", dom);
            Assert.Contains("test-sg", dom);
            Assert.DoesNotContain("Uncaught", log);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static async Task<(string Dom, string Log)> DumpDomAsync(string page, string work)
    {
        var start = new ProcessStartInfo(Chromium)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
            $"--user-data-dir={Path.Combine(work, "profile")}", "--enable-logging=stderr", "--v=0",
            "--virtual-time-budget=2000", "--dump-dom", new Uri(page).AbsoluteUri,
        })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var dom = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var log = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        return (await dom, await log);
    }
}
