using System.Diagnostics;

namespace SecureCart.Previews.Benchmark;

/// <summary>
/// Two endpoints measured in alternating short rounds, so a burst of other load on a shared machine falls on both
/// rather than on whichever happened to run at that moment.
/// </summary>
internal static class ReadRatio
{
    private const int Rounds = 5;

    public static async Task<(Load Subject, Load Baseline)> MeasureAsync(HttpClient client, string subject, string baseline, TimeSpan duration, int concurrency)
    {
        // Warm-up under the same load for a round each, unmeasured: tiered JIT recompiles hot code in the background,
        // which on a busy machine takes seconds, and a few hundred calls would leave the measurement on first-tier code.
        var round = duration / Rounds;
        await RunAsync(client, subject, round, concurrency, new Load());
        await RunAsync(client, baseline, round, concurrency, new Load());
        var subjectLoad = new Load();
        var baselineLoad = new Load();
        for (var i = 0; i < Rounds; i++)
        {
            await RunAsync(client, subject, round, concurrency, subjectLoad);
            await RunAsync(client, baseline, round, concurrency, baselineLoad);
        }

        return (subjectLoad, baselineLoad);
    }

    private static async Task RunAsync(HttpClient client, string path, TimeSpan duration, int concurrency, Load load)
    {
        var started = Stopwatch.GetTimestamp();
        var stop = started + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (Stopwatch.GetTimestamp() < stop)
            {
                var t = Stopwatch.GetTimestamp();
                using var response = await client.GetAsync(path);
                await response.Content.LoadIntoBufferAsync();
                response.EnsureSuccessStatusCode();
                load.Latency.Add(Stopwatch.GetElapsedTime(t));
            }
        }));
        load.Seconds += Stopwatch.GetElapsedTime(started).TotalSeconds;
    }

    internal sealed class Load
    {
        public Latencies Latency { get; } = new();
        public double Seconds { get; set; }
        public double Rate => Latency.Count / Seconds;
    }
}
