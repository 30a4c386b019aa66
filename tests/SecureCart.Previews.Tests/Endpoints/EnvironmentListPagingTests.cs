using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SecureCart.Previews.Api;
using SecureCart.Previews.Domain;
using SecureCart.Previews.State.Entities;
using SecureCart.Previews.Tests.Support;

namespace SecureCart.Previews.Tests.Endpoints;

public sealed class EnvironmentListPagingTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task List_FollowingNext_EveryLiveRowOnceInStableOrder(string provider)
    {
        await using var server = await PreviewsServer.StartAsync(provider);
        var client = await server.ClientForAsync("alpha");
        var rows = await SeedAsync(server);
        var live = rows.Where(r => r.Team == "alpha" && r.Status != EnvironmentStatus.Destroyed)
            .OrderBy(r => r.CreatedAt).ThenBy(r => r.Id.ToString("N"), StringComparer.Ordinal).Select(r => r.Id).ToList();

        var seen = new List<Guid>();
        var totals = new HashSet<decimal>();
        var pages = 0;
        string? next = "/v1/environments?limit=4";
        while (next is not null)
        {
            var page = (await client.GetFromJsonAsync<EnvironmentListView>(next, PreviewsServer.Json))!;
            Assert.InRange(page.Items.Count, 1, 4);
            seen.AddRange(page.Items.Select(i => i.Id));
            totals.Add(page.TotalEstimatedCostPerHour);
            next = page.Next;
            pages++;
        }

        Assert.Equal(live, seen);
        Assert.Equal((live.Count + 3) / 4, pages);
        Assert.Equal(live.Count * 0.5m, Assert.Single(totals));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task List_IncludeDestroyedByCursor_SameFiltersCarriedAndOtherTeamsHidden(string provider)
    {
        await using var server = await PreviewsServer.StartAsync(provider);
        var client = await server.ClientForAsync("alpha");
        var rows = await SeedAsync(server);

        var first = (await client.GetFromJsonAsync<EnvironmentListView>("/v1/environments?includeDestroyed=true&limit=20", PreviewsServer.Json))!;
        var second = (await client.GetFromJsonAsync<EnvironmentListView>($"/v1/environments?includeDestroyed=true&limit=20&cursor={first.NextCursor}", PreviewsServer.Json))!;

        Assert.Equal(20, first.Items.Count);
        Assert.Contains("includeDestroyed=true", first.Next, StringComparison.Ordinal);
        Assert.Equal(rows.Count(r => r.Team == "alpha") - 20, second.Items.Count);
        Assert.Null(second.NextCursor);
        Assert.Null(second.Next);
        Assert.All(first.Items.Concat(second.Items), i => Assert.Equal("alpha", i.Team));
        Assert.Contains(second.Items.Concat(first.Items), i => i.Status == "Destroyed");
    }

    [Theory]
    [InlineData("cursor=not-a-cursor", "cursor")]
    [InlineData("cursor=ZTEuMTIzLnh5eg", "cursor")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=201", "limit")]
    public async Task List_BadCursorOrLimit_400NamingTheField(string query, string field)
    {
        await using var server = await PreviewsServer.StartAsync("Sqlite");
        var client = await server.ClientForAsync("alpha");

        var response = await client.GetAsync($"/v1/environments?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var message = problem.RootElement.GetProperty("errors").GetProperty(field)[0].GetString();
        Assert.Contains(field, message, StringComparison.Ordinal);
    }

    /// <summary>28 rows of alpha (4 destroyed, 8 sharing one creation instant so the id breaks the tie) and 5 of beta.</summary>
    private static async Task<List<EnvironmentRecord>> SeedAsync(PreviewsServer server)
    {
        var start = server.Time.GetUtcNow();
        var rows = new List<EnvironmentRecord>();
        for (var i = 0; i < 33; i++)
        {
            var team = i < 28 ? "alpha" : "beta";
            rows.Add(new EnvironmentRecord
            {
                Id = Guid.NewGuid(),
                Team = team,
                Name = $"env-{i}",
                Size = "small",
                StackName = $"preview-{team}-env-{i}",
                Status = i % 7 == 3 ? EnvironmentStatus.Destroyed : EnvironmentStatus.Ready,
                CreatedBy = "seed",
                CreatedAt = i < 8 ? start : start.AddSeconds(i),
                ExpiresAt = start.AddHours(24),
                CostPerHour = 0.5m,
                CostPerMonth = 365m,
                LastOperationId = Guid.NewGuid(),
            });
        }

        await using var db = await server.DbAsync();
        db.Environments.AddRange(rows);
        await db.SaveChangesAsync();
        return rows;
    }
}
