using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SecureCart.Previews.Tests.Support;

/// <summary>
/// Real headless Chromium driven over the DevTools protocol (a WebSocket, no driver package): navigate, run script
/// in the page, resize the viewport, take screenshots, and collect every console error and uncaught exception.
/// </summary>
public sealed class ChromiumSession : IAsyncDisposable
{
    private readonly Process _process;
    private readonly DirectoryInfo _profile;
    private readonly ClientWebSocket _socket;
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonObject>> _pending = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _reader;
    private int _nextId;

    private ChromiumSession(Process process, DirectoryInfo profile, ClientWebSocket socket)
    {
        _process = process;
        _profile = profile;
        _socket = socket;
        _reader = Task.Run(ReadAsync);
    }

    /// <summary>Console errors, uncaught exceptions and failed loads the page reported, in order.</summary>
    public ConcurrentQueue<string> Errors { get; } = new();

    // A missing browser fails the test rather than skipping it: eng/test.sh finds or installs one.
    public static string Executable =>
        Environment.GetEnvironmentVariable("SECURECART_CHROMIUM") is { Length: > 0 } configured ? configured
        : File.Exists("/usr/bin/chromium") ? "/usr/bin/chromium"
        : throw new InvalidOperationException("Chromium not found: install it (Debian: apt-get install chromium) or set SECURECART_CHROMIUM; eng/test.sh does either.");

    public static async Task<ChromiumSession> StartAsync()
    {
        var profile = Directory.CreateTempSubdirectory("securecart-chromium-");
        var start = new ProcessStartInfo(Executable) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
            $"--user-data-dir={profile.FullName}", "--remote-debugging-port=0", "--remote-allow-origins=*",
            // Nothing resolves but loopback: the console must work where the network has no way out.
            "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1", "--window-size=1280,900", "about:blank",
        })
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        // Chromium writes the port it picked into the profile once it listens.
        var portFile = Path.Combine(profile.FullName, "DevToolsActivePort");
        for (var i = 0; i < 300 && !File.Exists(portFile); i++)
        {
            await Task.Delay(100);
        }

        var port = int.Parse((await File.ReadAllLinesAsync(portFile))[0], System.Globalization.CultureInfo.InvariantCulture);
        using var http = new HttpClient();
        var targets = JsonNode.Parse(await http.GetStringAsync(new Uri($"http://127.0.0.1:{port}/json/list")))!.AsArray();
        var page = targets.First(t => (string?)t!["type"] == "page")!;
        var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri((string)page["webSocketDebuggerUrl"]!), CancellationToken.None);
        var session = new ChromiumSession(process, profile, socket);
        await session.SendAsync("Runtime.enable");
        await session.SendAsync("Log.enable");
        await session.SendAsync("Page.enable");
        return session;
    }

    public async Task<JsonObject> SendAsync(string method, JsonObject? parameters = null)
    {
        var id = Interlocked.Increment(ref _nextId);
        var reply = new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = reply;
        var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters ?? [] };
        await _socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, true, CancellationToken.None);
        var answer = await reply.Task.WaitAsync(TimeSpan.FromSeconds(60));
        if (answer["error"] is { } error)
        {
            throw new InvalidOperationException($"{method}: {error.ToJsonString()}");
        }

        return answer["result"]!.AsObject();
    }

    public async Task SetViewportAsync(int width, int height, bool mobile) =>
        await SendAsync("Emulation.setDeviceMetricsOverride", new JsonObject { ["width"] = width, ["height"] = height, ["deviceScaleFactor"] = 1, ["mobile"] = mobile });

    public async Task NavigateAsync(Uri url)
    {
        await SendAsync("Page.navigate", new JsonObject { ["url"] = url.AbsoluteUri });
        await WaitForAsync($"location.href.startsWith({JsonSerializer.Serialize(url.GetLeftPart(UriPartial.Path))}) && document.readyState === 'complete'");
    }

    /// <summary>Runs an expression in the page (awaiting a promise) and returns its JSON value.</summary>
    public async Task<JsonNode?> EvaluateAsync(string expression)
    {
        var result = await SendAsync("Runtime.evaluate", new JsonObject { ["expression"] = expression, ["awaitPromise"] = true, ["returnByValue"] = true });
        if (result["exceptionDetails"] is { } exception)
        {
            throw new InvalidOperationException($"script failed: {exception.ToJsonString()}");
        }

        return result["result"]?["value"];
    }

    /// <summary>Polls a boolean expression until it is true (navigation in between is fine: a failed poll is retried).</summary>
    public async Task WaitForAsync(string condition, int seconds = 30)
    {
        var until = Stopwatch.StartNew();
        string? last = null;
        while (until.Elapsed < TimeSpan.FromSeconds(seconds))
        {
            try
            {
                if (await EvaluateAsync($"!!({condition})") is JsonValue value && value.GetValue<bool>())
                {
                    return;
                }
            }
            catch (InvalidOperationException e)
            {
                last = e.Message;
            }

            await Task.Delay(100);
        }

        var page = await EvaluateAsync("location.href + '\\n' + document.body.innerText");
        throw new TimeoutException($"page never satisfied {condition} ({last}); it shows:\n{page}");
    }

    public async Task<byte[]> ScreenshotAsync()
    {
        var result = await SendAsync("Page.captureScreenshot", new JsonObject { ["format"] = "png", ["captureBeyondViewport"] = true });
        return Convert.FromBase64String((string)result["data"]!);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        try
        {
            await _reader;
        }
        catch (OperationCanceledException)
        {
            // The reader stops with the socket.
        }

        _socket.Dispose();
        _process.Dispose();
        _stop.Dispose();
        _profile.Delete(recursive: true);
    }

    private async Task ReadAsync()
    {
        var buffer = new byte[1 << 20];
        using var message = new MemoryStream();
        try
        {
            while (!_stop.IsCancellationRequested && _socket.State == WebSocketState.Open)
            {
                var part = await _socket.ReceiveAsync(buffer, _stop.Token);
                message.Write(buffer, 0, part.Count);
                if (!part.EndOfMessage)
                {
                    continue;
                }

                var node = JsonNode.Parse(message.ToArray())!.AsObject();
                message.SetLength(0);
                if (node["id"] is { } id && _pending.TryRemove(id.GetValue<int>(), out var reply))
                {
                    reply.SetResult(node);
                }
                else
                {
                    Observe(node);
                }
            }
        }
        catch (WebSocketException)
        {
            // The browser closed.
        }
    }

    private void Observe(JsonObject node)
    {
        var parameters = node["params"] as JsonObject ?? [];
        var method = node["method"]?.GetValue<string>();
        if (method == "Runtime.consoleAPICalled" && parameters["type"]?.GetValue<string>() is "error" or "assert")
        {
            Errors.Enqueue($"console.{parameters["type"]}: {parameters["args"]?.ToJsonString()}");
        }
        else if (method == "Runtime.exceptionThrown")
        {
            Errors.Enqueue($"exception: {parameters["exceptionDetails"]?.ToJsonString()}");
        }
        else if (method == "Log.entryAdded" && parameters["entry"] is JsonObject entry && entry["level"]?.GetValue<string>() == "error")
        {
            Errors.Enqueue($"log: {entry["text"]} {entry["url"]}");
        }
    }
}
