using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SecureCart.Previews.Api;
using SecureCart.Previews.Audit;
using SecureCart.Previews.Tests.Support;

namespace SecureCart.Previews.Tests.Audit;

public sealed class AuditTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Actions_EveryChangeAndOutcome_HasItsRowAndChainVerifies(string provider)
    {
        await using var server = await PreviewsServer.StartAsync(provider, new ControllableEngine());
        var admin = await server.ClientForAsync("ops", admin: true, name: "root");
        var member = await server.ClientForAsync("alpha", name: "dev1");
        var created = await PreviewsServer.CreateAsync(member, "audited");
        await PreviewsServer.WaitForStatusAsync(member, created.Environment.Id, "Ready");
        await member.PostAsJsonAsync($"/v1/environments/{created.Environment.Id}/extend", new { hours = 2 });
        await member.PostAsJsonAsync("/v1/environments", new { name = "audited", gitRef = "main", size = "small" });
        await member.DeleteAsync($"/v1/environments/{created.Environment.Id}");
        await PreviewsServer.WaitForStatusAsync(member, created.Environment.Id, "Destroyed");
        await admin.PostAsJsonAsync("/v1/api-keys", new { team = "beta", name = "ci" });

        var page = await admin.GetFromJsonAsync<AuditPageView>($"/v1/audit?environmentId={created.Environment.Id}", PreviewsServer.Json);
        var verify = await admin.GetFromJsonAsync<AuditVerification>("/v1/audit/verify", PreviewsServer.Json);
        var export = await admin.GetStringAsync("/v1/audit/export?team=beta");
        var paged = await admin.GetFromJsonAsync<AuditPageView>("/v1/audit?limit=2", PreviewsServer.Json);

        Assert.Equal(
            ["environment.create:accepted", "engine.up:succeeded", "environment.extend:accepted", "environment.delete:accepted", "engine.destroy:succeeded"],
            page!.Items.Select(a => $"{a.Action}:{a.Outcome.Split(':')[0]}"));
        Assert.All(page.Items.Where(a => !a.Action.StartsWith("engine.", StringComparison.Ordinal)), a => Assert.Equal("key:dev1", a.Actor));
        Assert.All(page.Items.Where(a => !a.Action.StartsWith("engine.", StringComparison.Ordinal)), a => Assert.Equal("127.0.0.1", a.SourceAddress));
        Assert.Contains("refused conflict name-taken", (await admin.GetFromJsonAsync<AuditPageView>("/v1/audit?team=alpha&action=environment.create", PreviewsServer.Json))!.Items.Select(a => a.Outcome));
        Assert.True(verify!.Valid, verify.Problem);
        Assert.Equal(7, verify.Entries);
        var line = Assert.Single(export.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal("apikey.create", JsonDocument.Parse(line).RootElement.GetProperty("action").GetString());
        Assert.Equal(2, paged!.Items.Count);
        Assert.Equal(2, paged.NextAfter);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Rows_UpdateOrDelete_RefusedByDatabase(string provider)
    {
        await using var server = await PreviewsServer.StartAsync(provider);
        var member = await server.ClientForAsync("alpha");
        await PreviewsServer.CreateAsync(member, "locked");
        await using var db = await server.DbAsync();

        var update = await Record.ExceptionAsync(() => db.Database.ExecuteSqlRawAsync("UPDATE \"AuditEntries\" SET \"Outcome\" = 'edited'"));
        var delete = await Record.ExceptionAsync(() => db.Database.ExecuteSqlRawAsync("DELETE FROM \"AuditEntries\""));

        Assert.Contains("append-only", update?.Message);
        Assert.Contains("append-only", delete?.Message);
    }

    [Theory]
    [InlineData("Postgres", "edit")]
    [InlineData("Postgres", "remove-middle")]
    [InlineData("Postgres", "remove-last")]
    [InlineData("Sqlite", "edit")]
    [InlineData("Sqlite", "remove-middle")]
    [InlineData("Sqlite", "remove-last")]
    public async Task Verify_TamperedRow_Detected(string provider, string tamper)
    {
        await using var server = await PreviewsServer.StartAsync(provider, settings: new() { ["Previews:Worker:Enabled"] = "false" });
        var admin = await server.ClientForAsync("ops", admin: true);
        var member = await server.ClientForAsync("alpha");
        for (var i = 0; i < 3; i++)
        {
            await PreviewsServer.CreateAsync(member, $"tamper-{i}");
        }

        await using (var db = await server.DbAsync())
        {
            // Someone with direct database access first removes the guard, as an attacker would.
            await db.Database.ExecuteSqlRawAsync(server.Database.IsPostgres
                ? "ALTER TABLE \"AuditEntries\" DISABLE TRIGGER USER"
                : "DROP TRIGGER audit_entries_no_update; DROP TRIGGER audit_entries_no_delete;");
            await db.Database.ExecuteSqlRawAsync(tamper switch
            {
                "edit" => "UPDATE \"AuditEntries\" SET \"Outcome\" = 'refused' WHERE \"Sequence\" = 2",
                "remove-middle" => "DELETE FROM \"AuditEntries\" WHERE \"Sequence\" = 2",
                _ => "DELETE FROM \"AuditEntries\" WHERE \"Sequence\" = (SELECT MAX(\"Sequence\") FROM \"AuditEntries\")",
            });
        }

        var verify = await admin.GetFromJsonAsync<AuditVerification>("/v1/audit/verify", PreviewsServer.Json);

        Assert.False(verify!.Valid);
        Assert.Equal(tamper == "remove-last" ? 3 : 2, verify.FirstBadSequence);
        Assert.False(string.IsNullOrEmpty(verify.Problem));
    }
}
