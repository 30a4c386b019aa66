using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SecureCart.Previews.Api;
using SecureCart.Previews.Tests.Support;

namespace SecureCart.Previews.Tests.Endpoints;

public sealed class InputValidationTests
{
    private static readonly string[] s_invisible = ["\n", "\r\n", "\0", "\u0007", "\u007f", "\u0085", "\u2028", "\u202e", "\u200b"];

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task EveryStringField_ControlOrInvisibleCharacter_BadRequestNamingTheField(string provider)
    {
        await using var server = await PreviewsServer.StartAsync(provider);
        var member = await server.ClientForAsync("alpha");
        var admin = await server.ClientForAsync("platform", admin: true);
        var failures = new List<string>();

        foreach (var bad in s_invisible)
        {
            await ExpectAsync(failures, "name", bad, () => member.PostAsJsonAsync("/v1/environments", new { name = "login" + bad, gitRef = "main", size = "small" }));
            await ExpectAsync(failures, "name", bad, () => member.PostAsJsonAsync("/v1/environments", new { name = "lo" + bad + "gin", gitRef = "main", size = "small" }));
            await ExpectAsync(failures, "team", bad, () => member.PostAsJsonAsync("/v1/environments", new { team = "alpha" + bad, name = "login", gitRef = "main", size = "small" }));
            await ExpectAsync(failures, "gitRef", bad, () => member.PostAsJsonAsync("/v1/environments", new { name = "login", gitRef = "feature/" + bad + "x", size = "small" }));
            await ExpectAsync(failures, "imageTag", bad, () => member.PostAsJsonAsync("/v1/environments", new { name = "login", imageTag = "v1" + bad, size = "small" }));
            await ExpectAsync(failures, "size", bad, () => member.PostAsJsonAsync("/v1/environments", new { name = "login", gitRef = "main", size = "small" + bad }));
            await ExpectAsync(failures, "name", bad, () => admin.PostAsJsonAsync("/v1/api-keys", new { team = "alpha", name = "ci" + bad }));
            await ExpectAsync(failures, "team", bad, () => admin.PostAsJsonAsync("/v1/api-keys", new { team = "alpha" + bad, name = "ci" }));
            await ExpectAsync(failures, "actor", bad, () => admin.GetAsync("/v1/audit?actor=" + Uri.EscapeDataString("key:" + bad)));
            await ExpectAsync(failures, "team", bad, () => admin.GetAsync("/v1/audit/export?team=" + Uri.EscapeDataString("alpha" + bad)));
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        var list = await member.GetFromJsonAsync<EnvironmentListView>("/v1/environments", PreviewsServer.Json);
        Assert.Empty(list!.Items);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Name_TrailingNewline_RefusedNotASecondEnvironment(string provider)
    {
        await using var server = await PreviewsServer.StartAsync(provider);
        var client = await server.ClientForAsync("alpha");
        await PreviewsServer.CreateAsync(client, "trail-nl");

        var again = await client.PostAsJsonAsync("/v1/environments", new { name = "trail-nl\n", gitRef = "main", size = "small" });
        var key = await (await server.ClientForAsync("platform", admin: true)).PostAsJsonAsync("/v1/api-keys", new { team = "gamma\n", name = "ci" });

        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, key.StatusCode);
        var list = await client.GetFromJsonAsync<EnvironmentListView>("/v1/environments", PreviewsServer.Json);
        Assert.Single(list!.Items);
    }

    [Fact]
    public async Task Name_OneMebibyte_MessageQuotesOnlyAShortPrefix()
    {
        await using var server = await PreviewsServer.StartAsync("Sqlite");
        var client = await server.ClientForAsync("alpha");
        var huge = new string('a', 1 << 20);

        var response = await client.PostAsJsonAsync("/v1/environments", new { name = huge, gitRef = "main", size = huge });

        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(body.Length < 2_000, $"the answer is {body.Length} characters long");
        Assert.Contains("(1048576 characters)", body);
    }

    private static async Task ExpectAsync(List<string> failures, string field, string bad, Func<Task<HttpResponseMessage>> send)
    {
        var what = $"{field} with U+{(int)bad[^1]:X4}";
        var response = await send();
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.BadRequest || response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            failures.Add($"{what}: {(int)response.StatusCode} {body[..Math.Min(body.Length, 200)]}");
            return;
        }

        using var problem = JsonDocument.Parse(body);
        if (!problem.RootElement.TryGetProperty("errors", out var errors) || !errors.TryGetProperty(field, out _))
        {
            failures.Add($"{what}: no error for '{field}' in {body}");
        }
    }
}
