using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using SecureCart.Previews.Tests.Support;

namespace SecureCart.Previews.Tests;

/// <summary>
/// Opens the browsable API page in real headless Chromium against the real server: the operations render, and
/// every request the page makes stays on the server (the page must work where the network has no way out).
/// </summary>
public sealed partial class DocsPageChromiumTests
{
    private static string Chromium => ChromiumSession.Executable;

    [Fact]
    public async Task Docs_OpenedInHeadlessChromium_RendersOperationsAndFetchesOnlyFromServer()
    {
        await using var server = await PreviewsServer.StartAsync("Sqlite");
        var work = Directory.CreateTempSubdirectory("securecart-docs-");
        try
        {
            var origin = server.Address.GetLeftPart(UriPartial.Authority);

            var (dom, netLog) = await OpenAsync(new Uri(server.Address, "/docs/"), work.FullName);

            var text = VisibleText(dom);
            Assert.Contains("SecureCart preview environments", text);
            Assert.Contains("post /v1/environments", text);
            Assert.Contains("get /v1/environments/{id}", text);
            Assert.Contains("post /v1/environments/{id}/extend", text);
            Assert.Contains("delete /v1/environments/{id}", text);
            Assert.Contains("Audit", text);
            Assert.Contains("API keys", text);
            var fetched = PageRequests(netLog, origin);
            Assert.Contains(fetched, url => url.EndsWith("/openapi/v1.json", StringComparison.Ordinal));
            Assert.Contains(fetched, url => url.EndsWith("/docs/scalar.js", StringComparison.Ordinal));
            Assert.All(fetched, url => Assert.StartsWith(origin + "/", url, StringComparison.Ordinal));
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    /// <summary>URLs the page itself asked for (Chromium marks them with the page's origin as initiator).</summary>
    private static List<string> PageRequests(string netLogJson, string origin)
    {
        using var log = JsonDocument.Parse(netLogJson);
        var startJob = log.RootElement.GetProperty("constants").GetProperty("logEventTypes").GetProperty("URL_REQUEST_START_JOB").GetInt32();
        var urls = new List<string>();
        foreach (var entry in log.RootElement.GetProperty("events").EnumerateArray())
        {
            if (entry.GetProperty("type").GetInt32() == startJob
                && entry.TryGetProperty("params", out var parameters)
                && parameters.TryGetProperty("initiator", out var initiator)
                && string.Equals(initiator.GetString(), origin, StringComparison.Ordinal))
            {
                urls.Add(parameters.GetProperty("url").GetString()!);
            }
        }

        return urls;
    }

    private static string VisibleText(string dom)
    {
        var withoutCode = ScriptOrStyle().Replace(dom, " ");
        return Whitespace().Replace(System.Net.WebUtility.HtmlDecode(Tag().Replace(withoutCode, " ")), " ");
    }

    private static async Task<(string Dom, string NetLog)> OpenAsync(Uri page, string work)
    {
        var netLog = Path.Combine(work, "net-log.json");
        var start = new ProcessStartInfo(Chromium) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
            $"--user-data-dir={Path.Combine(work, "profile")}", "--enable-logging=stderr", "--v=0",
            // No name resolves except loopback: nothing leaves the machine, and a request the page tries to send
            // outside still shows in the net log, where the test finds it.
            "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
            $"--log-net-log={netLog}", "--virtual-time-budget=10000", "--dump-dom", page.AbsoluteUri,
        })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var dom = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var log = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        await log;
        return (await dom, await File.ReadAllTextAsync(netLog, timeout.Token));
    }

    [GeneratedRegex(@"<(script|style)\b.*?</\1>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex ScriptOrStyle();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
