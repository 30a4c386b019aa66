using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SecureCart.Previews.Audit;
using SecureCart.Previews.State.Entities;
using SecureCart.Previews.Tests.Support;

namespace SecureCart.Previews.Tests.Audit;

/// <summary>An attacker with database access edits a row and recomputes every hash after it, so each link looks right.</summary>
public sealed class AuditChainRewriteTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Verify_ChainRecomputedWithoutTheKey_Detected(string provider)
    {
        await using var server = await PreviewsServer.StartAsync(provider, settings: new() { ["Previews:Worker:Enabled"] = "false" });
        var admin = await SeedAsync(server);

        await RewriteAsync(server, UnkeyedSha256);
        var verify = await admin.GetFromJsonAsync<AuditVerification>("/v1/audit/verify", PreviewsServer.Json);

        Assert.False(verify!.Valid);
        Assert.Equal(2, verify.FirstBadSequence);
        Assert.Contains("changed after it was written", verify.Problem);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Verify_ChainRecomputedWithTheKey_DetectedByTheAnchorOutsideTheDatabase(string provider)
    {
        var anchorPath = Path.Combine(Path.GetTempPath(), $"previews-anchors-{Guid.NewGuid():N}.jsonl");
        try
        {
            await using var server = await PreviewsServer.StartAsync(provider, settings: new() { ["Previews:Worker:Enabled"] = "false", ["Previews:Audit:AnchorPath"] = anchorPath });
            var admin = await SeedAsync(server);
            var anchors = server.Services.GetRequiredService<AuditAnchors>();
            var anchored = await anchors.AnchorNowAsync(CancellationToken.None);
            var unchanged = await anchors.AnchorNowAsync(CancellationToken.None);
            var before = await admin.GetFromJsonAsync<AuditVerification>("/v1/audit/verify", PreviewsServer.Json);
            var hasher = server.Services.GetRequiredService<AuditHasher>();

            await RewriteAsync(server, hasher.Compute);
            var after = await admin.GetFromJsonAsync<AuditVerification>("/v1/audit/verify", PreviewsServer.Json);

            var alpha = Assert.Single(anchored);
            Assert.Equal("alpha", alpha.Team);
            Assert.Empty(unchanged);
            Assert.Single(File.ReadAllLines(anchorPath));
            Assert.True(before!.Valid, before.Problem);
            Assert.Equal(1, before.AnchorsChecked);
            Assert.False(after!.Valid);
            Assert.Equal(alpha.Sequence, after.FirstBadSequence);
            Assert.Equal("alpha", after.Chain);
            Assert.Contains("anchored outside the database", after.Problem);
        }
        finally
        {
            File.Delete(anchorPath);
        }
    }

    private static async Task<HttpClient> SeedAsync(PreviewsServer server)
    {
        var admin = await server.ClientForAsync("ops", admin: true);
        var member = await server.ClientForAsync("alpha");
        for (var i = 0; i < 3; i++)
        {
            await PreviewsServer.CreateAsync(member, $"rewrite-{i}");
        }

        return admin;
    }

    private static async Task RewriteAsync(PreviewsServer server, Func<AuditRecord, string> hash)
    {
        await using var db = await server.DbAsync();
        await db.Database.ExecuteSqlRawAsync(server.Database.IsPostgres
            ? "ALTER TABLE \"AuditEntries\" DISABLE TRIGGER USER"
            : "DROP TRIGGER audit_entries_no_update; DROP TRIGGER audit_entries_no_delete;");
        var rows = await db.AuditEntries.Where(a => a.Team == "alpha").OrderBy(a => a.ChainSequence).ToListAsync();
        rows[1].Outcome = "refused forbidden quota-environments";
        for (var i = 1; i < rows.Count; i++)
        {
            rows[i].PreviousHash = rows[i - 1].Hash;
            rows[i].Hash = hash(rows[i]);
        }

        var head = await db.AuditChainHeads.SingleAsync(h => h.Team == "alpha");
        head.LastHash = rows[^1].Hash;
        await db.SaveChangesAsync();
    }

    // What someone with database access but not the key would compute: the same fields, hashed without the key.
    private static string UnkeyedSha256(AuditRecord record) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(AuditHasher.Canonical(record))));
}
