using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Options;
using SecureCart.Previews.Tests.Support;

namespace SecureCart.Previews.Tests.FairUse;

public sealed class RateLimitsTests
{
    [Fact]
    public async Task Key_BeyondItsBurst_429WithRetryAfterAndProblemWhileAnotherKeyIsServed()
    {
        await using var server = await PreviewsServer.StartAsync("Sqlite", settings: new()
        {
            ["Previews:RateLimits:KeyRequestsPerSecond"] = "1",
            ["Previews:RateLimits:KeyBurst"] = "3",
        });
        var busy = await server.ClientForAsync("alpha", name: "busy");
        var quiet = await server.ClientForAsync("alpha", name: "quiet");

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? refused = null;
        for (var i = 0; i < 10; i++)
        {
            var response = await busy.GetAsync("/v1/environments");
            statuses.Add(response.StatusCode);
            refused ??= response.StatusCode == HttpStatusCode.TooManyRequests ? response : null;
        }

        var other = await quiet.GetAsync("/v1/environments");
        var health = await server.Anonymous().GetAsync("/healthz");

        Assert.All(statuses.Take(3), s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.True(statuses.Count(s => s == HttpStatusCode.TooManyRequests) >= 5, string.Join(",", statuses));
        Assert.NotNull(refused);
        Assert.True(int.Parse(refused.Headers.RetryAfter!.ToString(), System.Globalization.CultureInfo.InvariantCulture) >= 1);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Equal("rate-limited", problem.RootElement.GetProperty("code").GetString());
        Assert.Contains("Retry after", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task Team_BeyondItsBurstAcrossKeys_429ForEveryKeyOfThatTeamOnly()
    {
        await using var server = await PreviewsServer.StartAsync("Sqlite", settings: new()
        {
            ["Previews:RateLimits:TeamRequestsPerSecond"] = "1",
            ["Previews:RateLimits:TeamBurst"] = "4",
        });
        var first = await server.ClientForAsync("alpha", name: "first");
        var second = await server.ClientForAsync("alpha", name: "second");
        var beta = await server.ClientForAsync("beta");

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 12; i++)
        {
            statuses.Add((await (i % 2 == 0 ? first : second).GetAsync("/v1/environments")).StatusCode);
        }

        var otherTeam = await beta.GetAsync("/v1/environments");

        Assert.All(statuses.Take(4), s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.True(statuses.Skip(4).Count(s => s == HttpStatusCode.TooManyRequests) >= 6, string.Join(",", statuses));
        Assert.Contains(HttpStatusCode.TooManyRequests, statuses.Where((_, i) => i % 2 == 0));
        Assert.Contains(HttpStatusCode.TooManyRequests, statuses.Where((_, i) => i % 2 == 1));
        Assert.Equal(HttpStatusCode.OK, otherTeam.StatusCode);
    }

    [Fact]
    public async Task Options_ZeroRate_StartUpRefusedNamingTheSetting()
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => PreviewsServer.StartAsync("Sqlite", settings: new()
        {
            ["Previews:RateLimits:KeyRequestsPerSecond"] = "0",
        }));

        Assert.Contains("KeyRequestsPerSecond", failure.Message, StringComparison.Ordinal);
    }
}
