using SecureCart.Previews.Benchmark;

// Usage: dotnet run -c Release --project bench/SecureCart.Previews.Benchmark [creates] [getSeconds] [concurrency]
// PostgreSQL from SECURECART_TEST_POSTGRES (the same server the tests use).
// SSE fan-out alone: dotnet run -c Release --project bench/SecureCart.Previews.Benchmark sse [watchersPerReplica] [events]
if (args.Length > 0 && args[0] == "sse")
{
    var watchers = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 50;
    var ticks = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 100;
    return await SseFanOutBenchmark.RunAsync(watchers, ticks);
}

// Creates alone (no GET or SSE stages): dotnet run -c Release --project bench/SecureCart.Previews.Benchmark creates [creates] [concurrency]
if (args.Length > 0 && args[0] == "creates")
{
    var count = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 300;
    var clients = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 16;
    return await PreviewsBenchmark.RunAsync(count, TimeSpan.Zero, clients, createsOnly: true);
}

var creates = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 300;
var seconds = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 10;
var concurrency = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 16;
var result = await PreviewsBenchmark.RunAsync(creates, TimeSpan.FromSeconds(seconds), concurrency);
return result != 0 ? result : await SseFanOutBenchmark.RunAsync(50, 100);
