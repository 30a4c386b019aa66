using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SecureCart.Previews.Api;
using SecureCart.Previews.Domain;
using SecureCart.Previews.Tests.Support;

namespace SecureCart.Previews.Tests.Endpoints;

public sealed class EnvironmentEndpointsTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Create_PlanOnlyEngine_ReadyWithPlanCostAndNotice(string provider)
    {
        await using var server = await PreviewsServer.StartAsync(provider);
        var client = await server.ClientForAsync("alpha");

        var accepted = await PreviewsServer.CreateAsync(client, "login", size: "medium");
        var ready = await PreviewsServer.WaitForStatusAsync(client, accepted.Environment.Id, "Ready");

        Assert.Equal("Provisioning", accepted.Environment.Status);
        Assert.Equal("Queued", accepted.Operation.Status);
        Assert.False(accepted.Environment.CreatesResources);
        Assert.Contains("nothing was created", accepted.Environment.Notice);
        Assert.Equal("https://login.preview.securecart.example", ready.Url);
        Assert.True(ready.EstimatedCostPerHour > 0);
        Assert.Equal(ready.EstimatedCostPerHour, accepted.Environment.EstimatedCostPerHour);
        Assert.Equal(server.Time.GetUtcNow().AddHours(24), ready.ExpiresAt);
        Assert.Equal("true", ready.Outputs["planOnly"]);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task List_CostSoFar_GrowsWithTime(string provider)
    {
        await using var server = await PreviewsServer.StartAsync(provider);
        var client = await server.ClientForAsync("alpha");
        var accepted = await PreviewsServer.CreateAsync(client, "costs");

        server.Time.Advance(TimeSpan.FromHours(10));
        var list = await client.GetFromJsonAsync<EnvironmentListView>("/v1/environments", PreviewsServer.Json);

        var item = Assert.Single(list!.Items);
        Assert.Equal(decimal.Round(accepted.Environment.EstimatedCostPerHour * 10, 4), item.EstimatedCostSoFar);
        Assert.Equal(item.EstimatedCostPerHour, list.TotalEstimatedCostPerHour);
        Assert.Equal("plan-only", list.Engine);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Auth_MissingWrongOrNonAdmin_RefusedWithProblem(string provider)
    {
        await using var server = await PreviewsServer.StartAsync(provider);
        var anonymous = server.Anonymous();
        var member = await server.ClientForAsync("alpha");
        using var wrongKey = new HttpRequestMessage(HttpMethod.Get, "/v1/environments");
        wrongKey.Headers.Authorization = new("Bearer", "scp_not-a-real-key");

        var health = await anonymous.GetAsync("/healthz");
        var none = await anonymous.GetAsync("/v1/environments");
        var wrong = await anonymous.SendAsync(wrongKey);
        var basic = await anonymous.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/v1/environments") { Headers = { Authorization = new("Basic", "eDp5") } });
        var audit = await member.GetAsync("/v1/audit");
        var keys = await member.PostAsJsonAsync("/v1/api-keys", new { team = "alpha", name = "x", admin = true });

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Contains("Authorization: Bearer", await none.Content.ReadAsStringAsync());
        Assert.Equal("application/problem+json", none.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Contains("unknown or revoked", await wrong.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, basic.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, audit.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, keys.StatusCode);
        foreach (var path in new[] { "/v1/operations/" + Guid.NewGuid(), "/v1/audit/verify", "/v1/environments/" + Guid.NewGuid() })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(path)).StatusCode);
        }
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task OtherTeam_SeesAndActsOnNothing(string provider)
    {
        await using var server = await PreviewsServer.StartAsync(provider);
        var alpha = await server.ClientForAsync("alpha");
        var beta = await server.ClientForAsync("beta", admin: true);
        var created = await PreviewsServer.CreateAsync(alpha, "secret");
        var id = created.Environment.Id;

        var get = await beta.GetAsync($"/v1/environments/{id}");
        var delete = await beta.DeleteAsync($"/v1/environments/{id}");
        var extend = await beta.PostAsJsonAsync($"/v1/environments/{id}/extend", new { hours = 1 });
        var operation = await beta.GetAsync($"/v1/operations/{created.Operation.Id}");
        var events = await beta.GetAsync($"/v1/operations/{created.Operation.Id}/events");
        var cancel = await beta.PostAsync($"/v1/operations/{created.Operation.Id}/cancel", null);
        var list = await beta.GetFromJsonAsync<EnvironmentListView>("/v1/environments?includeDestroyed=true", PreviewsServer.Json);
        var forAlpha = await beta.PostAsJsonAsync("/v1/environments", new { team = "alpha", name = "sneaky", gitRef = "main", size = "small" });

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, delete.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, extend.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, operation.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, events.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, cancel.StatusCode);
        Assert.Empty(list!.Items);
        Assert.Equal(HttpStatusCode.Forbidden, forAlpha.StatusCode);
        Assert.Contains("belongs to team 'beta'", await forAlpha.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await alpha.GetAsync($"/v1/environments/{id}")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Create_ConcurrentBeyondCountQuota_ExactlyQuotaAccepted(string provider)
    {
        await using var server = await PreviewsServer.StartAsync(provider, settings: new() { ["Previews:Quotas:MaxEnvironments"] = "10" });
        var client = await server.ClientForAsync("alpha");

        var responses = await Task.WhenAll(Enumerable.Range(0, 120).Select(i =>
            client.PostAsJsonAsync("/v1/environments", new { name = $"env-{i}", gitRef = "main", size = "small" })));

        Assert.Equal(10, responses.Count(r => r.StatusCode == HttpStatusCode.Accepted));
        Assert.Equal(110, responses.Count(r => r.StatusCode == HttpStatusCode.Forbidden));
        await using var db = await server.DbAsync();
        Assert.Equal(10, await db.Environments.CountAsync(e => e.Team == "alpha"));
        Assert.Contains("quota is 10", await responses.First(r => r.StatusCode == HttpStatusCode.Forbidden).Content.ReadAsStringAsync());
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Create_ConcurrentBeyondBudget_ExactlyWhatFitsAccepted(string provider)
    {
        await using var probe = await PreviewsServer.StartAsync(provider);
        var monthly = (await PreviewsServer.CreateAsync(await probe.ClientForAsync("p"), "probe", "large")).Environment.EstimatedCostPerMonth;
        var budget = (monthly * 7.5m).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await using var server = await PreviewsServer.StartAsync(provider, settings: new() { ["Previews:Quotas:MaxEnvironments"] = "1000", ["Previews:Quotas:MaxMonthlyCost"] = budget });
        var client = await server.ClientForAsync("alpha");

        var responses = await Task.WhenAll(Enumerable.Range(0, 100).Select(i =>
            client.PostAsJsonAsync("/v1/environments", new { name = $"big-{i}", gitRef = "main", size = "large" })));

        Assert.Equal(7, responses.Count(r => r.StatusCode == HttpStatusCode.Accepted));
        Assert.Equal(93, responses.Count(r => r.StatusCode == HttpStatusCode.Forbidden));
        Assert.Contains("budget", await responses.First(r => r.StatusCode == HttpStatusCode.Forbidden).Content.ReadAsStringAsync());
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Create_SameIdempotencyKey_OneEnvironmentAndReplay(string provider)
    {
        await using var server = await PreviewsServer.StartAsync(provider);
        var client = await server.ClientForAsync("alpha");
        HttpRequestMessage Request(string name) => new(HttpMethod.Post, "/v1/environments")
        {
            Headers = { { "Idempotency-Key", "retry-1" } },
            Content = JsonContent.Create(new { name, gitRef = "main", size = "small" }),
        };

        var first = await client.SendAsync(Request("retry"));
        var again = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => client.SendAsync(Request("retry"))));
        var different = await client.SendAsync(Request("other"));

        var original = await first.Content.ReadFromJsonAsync<EnvironmentAcceptedView>(PreviewsServer.Json);
        foreach (var response in again)
        {
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            Assert.Equal("true", response.Headers.GetValues("Idempotent-Replayed").Single());
            Assert.Equal(original!.Environment.Id, (await response.Content.ReadFromJsonAsync<EnvironmentAcceptedView>(PreviewsServer.Json))!.Environment.Id);
        }

        Assert.Equal(HttpStatusCode.UnprocessableEntity, different.StatusCode);
        await using var db = await server.DbAsync();
        Assert.Equal(1, await db.Environments.CountAsync());
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Extend_WithinAndBeyondMaximum_MovesExpiryOrSaysHowFar(string provider)
    {
        await using var server = await PreviewsServer.StartAsync(provider);
        var client = await server.ClientForAsync("alpha");
        var created = await PreviewsServer.CreateAsync(client, "extend", ttlHours: 24);

        var ok = await client.PostAsJsonAsync($"/v1/environments/{created.Environment.Id}/extend", new { hours = 48 });
        var tooFar = await client.PostAsJsonAsync($"/v1/environments/{created.Environment.Id}/extend", new { hours = 100 });

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(created.Environment.CreatedAt.AddHours(72), (await ok.Content.ReadFromJsonAsync<EnvironmentView>(PreviewsServer.Json))!.ExpiresAt);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooFar.StatusCode);
        Assert.Contains("extend by at most 96 hours", await tooFar.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("{", "not valid JSON")]
    [InlineData("[]", "not valid JSON")]
    [InlineData("{\"name\": 5, \"gitRef\": \"main\", \"size\": \"small\"}", "not valid JSON")]
    [InlineData("{\"name\": \"ok-name\", \"gitRef\": \"main\", \"size\": \"small\", \"ttlHours\": \"soon\"}", "ttlHours")]
    [InlineData("{}", "name is required")]
    [InlineData("{\"name\": \"Bad_Name\", \"gitRef\": \"main\", \"size\": \"small\"}", "not DNS-safe")]
    [InlineData("{\"name\": \"a-name-that-is-far-too-long\", \"gitRef\": \"main\", \"size\": \"small\"}", "characters long")]
    [InlineData("{\"name\": \"ok-name\", \"size\": \"small\"}", "exactly one of 'gitRef'")]
    [InlineData("{\"name\": \"ok-name\", \"gitRef\": \"main\", \"size\": \"huge\"}", "unknown size 'huge'")]
    [InlineData("{\"name\": \"ok-name\", \"gitRef\": \"main\", \"size\": \"small\", \"ttlHours\": 500}", "between 1 and 168")]
    [InlineData("", "")]
    public async Task Create_MalformedBody_ClientErrorThatSaysWhatToFix(string body, string expected)
    {
        await using var server = await PreviewsServer.StartAsync("Sqlite");
        var client = await server.ClientForAsync("alpha");

        var response = await client.PostAsync("/v1/environments", new StringContent(body, Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();

        Assert.InRange((int)response.StatusCode, 400, 499);
        Assert.Contains(expected, text);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.False(string.IsNullOrEmpty(JsonDocument.Parse(text).RootElement.GetProperty("detail").GetString()));
    }

    [Fact]
    public async Task OtherBodies_Malformed_ClientErrors()
    {
        await using var server = await PreviewsServer.StartAsync("Sqlite");
        var client = await server.ClientForAsync("alpha");
        var created = await PreviewsServer.CreateAsync(client, "shape");

        var extend = await client.PostAsync($"/v1/environments/{created.Environment.Id}/extend", new StringContent("{\"hours\": []}", Encoding.UTF8, "application/json"));
        var extendEmpty = await client.PostAsync($"/v1/environments/{created.Environment.Id}/extend", new StringContent("{}", Encoding.UTF8, "application/json"));
        var badId = await client.GetAsync("/v1/environments/not-a-guid");
        var badResume = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/v1/operations/{created.Operation.Id}/events") { Headers = { { "Last-Event-ID", "abc" } } });
        var wrongType = await client.PostAsync("/v1/environments", new StringContent("name=x", Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.BadRequest, extend.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, extendEmpty.StatusCode);
        Assert.Contains("hours is required", await extendEmpty.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, badId.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badResume.StatusCode);
        Assert.InRange((int)wrongType.StatusCode, 400, 499);
    }

    [Fact]
    public async Task OpenApi_Document_ListsEveryVerb()
    {
        await using var server = await PreviewsServer.StartAsync("Sqlite");

        var document = await server.Anonymous().GetStringAsync("/openapi/v1.json");
        var docs = await server.Anonymous().GetAsync("/docs");

        foreach (var path in new[] { "/v1/environments", "/v1/environments/{id}", "/v1/environments/{id}/extend", "/v1/operations/{id}/events", "/v1/operations/{id}/cancel", "/v1/audit/verify", "/healthz" })
        {
            Assert.Contains($"\"{path}\"", document);
        }

        Assert.Equal(HttpStatusCode.OK, docs.StatusCode);
        Assert.Equal(nameof(EnvironmentStatus.Ready), EnvironmentStatus.Ready.ToString());
    }
}
