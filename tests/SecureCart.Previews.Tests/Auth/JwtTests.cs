using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using SecureCart.Previews.Api;
using SecureCart.Previews.Tests.Support;

namespace SecureCart.Previews.Tests.Auth;

/// <summary>JWT bearer switched on against a real OIDC issuer (discovery + JWKS over HTTP, RSA keys), beside API keys.</summary>
public sealed class JwtTests
{
    private const string Audience = "securecart-previews";

    [Fact]
    public async Task Jwt_ValidTokens_TeamAndRoleMappedAndApiKeysStillWork()
    {
        await using var setup = await SetupAsync();
        var member = setup.Client(setup.Issuer.Token(Audience, [new("sub", "dana"), new("team", "alpha")]));
        var admin = setup.Client(setup.Issuer.Token(Audience, [new("sub", "ops"), new("team", "platform"), new("role", "previews-admin")]));
        var keyClient = await setup.Server.ClientForAsync("beta");

        var created = await member.PostAsJsonAsync("/v1/environments", new { name = "from-oidc", gitRef = "main", size = "small" });
        var memberAudit = await member.GetAsync("/v1/audit");
        var adminAudit = await admin.GetAsync("/v1/audit?action=environment.create");
        var byKey = await keyClient.GetAsync("/v1/environments");

        Assert.Equal(HttpStatusCode.Accepted, created.StatusCode);
        var view = await created.Content.ReadFromJsonAsync<EnvironmentAcceptedView>(PreviewsServer.Json);
        Assert.Equal("alpha", view!.Environment.Team);
        Assert.Equal(HttpStatusCode.Forbidden, memberAudit.StatusCode);
        Assert.Contains("previews-admin", await memberAudit.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, adminAudit.StatusCode);
        var page = await adminAudit.Content.ReadFromJsonAsync<AuditPageView>(PreviewsServer.Json);
        Assert.Contains(page!.Items, a => a.Actor == "oidc:dana" && a.Team == "alpha");
        Assert.Equal(HttpStatusCode.OK, byKey.StatusCode);
    }

    [Fact]
    public async Task Jwt_ForgedExpiredUnsignedWrongAudienceOrNoTeam_Unauthorized()
    {
        await using var setup = await SetupAsync();
        Claim[] claims = [new("sub", "dana"), new("team", "alpha"), new("role", "previews-admin")];
        var refused = new Dictionary<string, string>
        {
            ["wrong signature"] = setup.Issuer.Token(Audience, claims, foreignKey: true),
            ["expired"] = setup.Issuer.Token(Audience, claims, expiresIn: TimeSpan.FromMinutes(-10)),
            ["alg none"] = setup.Issuer.UnsignedToken(Audience, "alpha"),
            ["wrong audience"] = setup.Issuer.Token("another-api", claims),
            ["no team"] = setup.Issuer.Token(Audience, [new("sub", "dana")]),
        };

        foreach (var (what, token) in refused)
        {
            var response = await setup.Client(token).GetAsync("/v1/environments");

            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{what}: {response.StatusCode}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.DoesNotContain(token, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    private static async Task<Setup> SetupAsync()
    {
        var issuer = await OidcIssuer.StartAsync();
        var database = await TestDatabase.CreateAsync("Sqlite");
        var server = await PreviewsServer.StartReplicaAsync(database, null, new ControllableEngine(), new()
        {
            ["Previews:Auth:Jwt:Authority"] = issuer.Authority,
            ["Previews:Auth:Jwt:Audience"] = Audience,
            ["Previews:Auth:Jwt:RequireHttpsMetadata"] = "false",
        });
        return new Setup(issuer, database, server);
    }

    private sealed record Setup(OidcIssuer Issuer, TestDatabase Database, PreviewsServer Server) : IAsyncDisposable
    {
        public HttpClient Client(string token)
        {
            var client = Server.Anonymous();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return client;
        }

        public async ValueTask DisposeAsync()
        {
            await Server.DisposeAsync();
            await Database.DisposeAsync();
            await Issuer.DisposeAsync();
        }
    }
}
