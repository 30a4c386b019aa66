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
        await WarmAsync(client, subject);
        await WarmAsync(client, baseline);
        var subjectLoad = new Load();
        var baselineLoad = new Load();
        var round = duration / Rounds;
        for (var i = 0; i < Rounds; i++)
        {
            await RunAsync(client, subject, round, concurrency, subjectLoad);
            await RunAsync(client, baseline, round, concurrency, baselineLoad);
        }

        return (subjectLoad, baselineLoad);
    }

    private static async Task WarmAsync(HttpClient client, string path)
    {
        for (var i = 0; i < 200; i++)
        {
            using var response = await client.GetAsync(path);
            response.EnsureSuccessStatusCode();
        }
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
