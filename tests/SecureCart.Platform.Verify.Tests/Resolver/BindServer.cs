using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace SecureCart.Platform.Verify.Tests.Resolver;

/// <summary>
/// A real name server for the tests: BIND 9 (Debian package <c>bind9</c>) started on a free loopback port,
/// authoritative for the zones given, no recursion. Stopped and its folder removed on dispose.
/// </summary>
internal sealed class BindServer : IAsyncDisposable
{
    private static readonly string[] s_candidates = ["/usr/sbin/named", "/usr/bin/named", "/usr/local/sbin/named"];
    private readonly Process _process;
    private readonly string _directory;
    private readonly StringBuilder _log;

    private BindServer(Process process, string directory, StringBuilder log, IPEndPoint endPoint)
    {
        _process = process;
        _directory = directory;
        _log = log;
        EndPoint = endPoint;
    }

    public IPEndPoint EndPoint { get; }

    /// <summary>The name server, or a failure that says which package the tests need (they never skip).</summary>
    public static string Executable() =>
        s_candidates.FirstOrDefault(File.Exists)
        ?? throw new InvalidOperationException(
            "These tests run a real DNS server on loopback and need BIND 9's 'named', which is not installed. Install it with: apt-get install -y bind9");

    /// <param name="zones">Zone origin (without the trailing dot) to the records of its zone file, one per line, relative to the origin.</param>
    public static async Task<BindServer> StartAsync(IReadOnlyDictionary<string, string> zones, CancellationToken cancellationToken)
    {
        var named = Executable();
        var directory = Directory.CreateTempSubdirectory("securecart-bind-").FullName;
        var port = FreePort();
        var config = new StringBuilder();
        config.AppendLine(CultureInfo.InvariantCulture, $$"""
            options {
              directory "{{directory}}";
              pid-file "{{directory}}/named.pid";
              session-keyfile "{{directory}}/session.key";
              managed-keys-directory "{{directory}}";
              listen-on port {{port}} { 127.0.0.1; };
              listen-on-v6 { none; };
              recursion no;
              dnssec-validation no;
              allow-query { any; };
            };
            controls { };
            """);
        foreach (var (origin, records) in zones)
        {
            var file = Path.Combine(directory, origin + ".zone");
            await File.WriteAllTextAsync(file, $"$TTL 60\n$ORIGIN {origin}.\n@ SOA ns.{origin}. hostmaster.{origin}. 1 60 60 600 60\n@ NS ns.{origin}.\nns A 127.0.0.1\n{records}\n", cancellationToken);
            config.AppendLine(CultureInfo.InvariantCulture, $"zone \"{origin}\" {{ type primary; file \"{file}\"; }};");
        }

        var configFile = Path.Combine(directory, "named.conf");
        await File.WriteAllTextAsync(configFile, config.ToString(), cancellationToken);
        var start = new ProcessStartInfo(named) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in new[] { "-g", "-4", "-c", configFile })
        {
            start.ArgumentList.Add(arg);
        }

        var log = new StringBuilder();
        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {named}");
        process.ErrorDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
        process.OutputDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        var server = new BindServer(process, directory, log, new IPEndPoint(IPAddress.Loopback, port));
        await server.WaitUntilServingAsync(zones.Keys.First(), cancellationToken);
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    private async Task WaitUntilServingAsync(string zone, CancellationToken cancellationToken)
    {
        var lookup = new DnsClient.LookupClient(new DnsClient.LookupClientOptions(EndPoint) { UseCache = false, Timeout = TimeSpan.FromMilliseconds(300), Retries = 0, ThrowDnsErrors = false });
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(20))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"named exited with {_process.ExitCode}: {Log()}");
            }

            try
            {
                var response = await lookup.QueryAsync(zone, DnsClient.QueryType.SOA, DnsClient.QueryClass.IN, cancellationToken);
                if (!response.HasError && response.Answers.Count > 0)
                {
                    return;
                }
            }
            catch (DnsClient.DnsResponseException)
            {
                // Not listening yet.
            }

            await Task.Delay(100, cancellationToken);
        }

        throw new InvalidOperationException($"named did not serve {zone} on {EndPoint} within 20 s: {Log()}");
    }

    private string Log()
    {
        lock (_log)
        {
            return _log.ToString();
        }
    }

    // The port must be free for UDP and TCP alike: named listens on both.
    private static int FreePort()
    {
        for (var attempt = 0; attempt < 20; attempt++)
        {
            using var udp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            udp.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            var port = ((IPEndPoint)udp.LocalEndPoint!).Port;
            using var tcp = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                tcp.Bind(new IPEndPoint(IPAddress.Loopback, port));
                return port;
            }
            catch (SocketException)
            {
                // Taken for TCP: try another.
            }
        }

        throw new InvalidOperationException("no free loopback port for UDP and TCP");
    }
}
