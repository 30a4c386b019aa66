using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;

namespace SecureCart.Previews.Benchmark;

/// <summary>
/// Creates from <c>clients</c> concurrent clients, each with its own key. Either way the replica's creates share
/// transactions; with one team they are also ordered by the team's audit chain, with a team per client each
/// transaction locks one chain head per team.
/// </summary>
internal static class ConcurrentCreates
{
    /// <summary>Unmeasured creates per client first: they warm up JIT, pools and caches.</summary>
    public const int WarmUp = 5;

    public static async Task<(Latencies Latency, Guid FirstId)> RunAsync(Uri address, IReadOnlyList<string> keys, int creates, string prefix)
    {
        var latency = new Latencies();
        var first = Guid.Empty;
        var perClient = Math.Max(1, creates / keys.Count);
        await Task.WhenAll(keys.Select(async (key, client) =>
        {
            using var http = new HttpClient { BaseAddress = address };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
            for (var i = 0; i < perClient + WarmUp; i++)
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await http.PostAsJsonAsync("/v1/environments", new { name = $"{prefix}-{client}-{i}", gitRef = "main", size = "small" });
                var elapsed = Stopwatch.GetElapsedTime(started);
                response.EnsureSuccessStatusCode();
                if (client == 0 && i == 0)
                {
                    using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
                    first = body.RootElement.GetProperty("environment").GetProperty("id").GetGuid();
                }

                if (i >= WarmUp)
                {
                    latency.Add(elapsed);
                }
            }
        }));
        return (latency, first);
    }
}
