using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SecureCart.Previews.Api;
using SecureCart.Previews.Audit;
using SecureCart.Previews.State;
using SecureCart.Previews.State.Entities;
using SecureCart.Previews.Tests.Support;

namespace SecureCart.Previews.Tests.Audit;

public sealed class AuditChainPerTeamTests
{
    [Fact]
    public async Task Append_TeamHeadLockedByAnotherTransaction_OtherTeamStillWrites()
    {
        await using var server = await PreviewsServer.StartAsync("Postgres", settings: new() { ["Previews:Worker:Enabled"] = "false" });
        var admin = await server.ClientForAsync("ops", admin: true);
        var alpha = await server.ClientForAsync("alpha");
        var beta = await server.ClientForAsync("beta");
        await PreviewsServer.CreateAsync(alpha, "first");
        await using var holder = new NpgsqlConnection(server.Database.ConnectionString);
        await holder.OpenAsync();
        await using var held = await holder.BeginTransactionAsync();
        await using (var lockHead = new NpgsqlCommand("""SELECT 1 FROM "AuditChainHeads" WHERE "Team" = 'alpha' FOR UPDATE""", holder, held))
        {
            Assert.Equal(1, await lockHead.ExecuteScalarAsync());
        }

        var alphaWrite = PreviewsServer.CreateAsync(alpha, "second");
        await PreviewsServer.CreateAsync(beta, "unblocked");
        await Task.Delay(500);
        var alphaWaited = !alphaWrite.IsCompleted;
        await held.CommitAsync();
        await alphaWrite;
        var verify = await admin.GetFromJsonAsync<AuditVerification>("/v1/audit/verify", PreviewsServer.Json);

        Assert.True(alphaWaited, "team alpha's append should wait for its own head, which the test holds");
        Assert.True(verify!.Valid, verify.Problem);
        Assert.Equal(2, verify.Chains);
        Assert.Equal(3, verify.Entries);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Verify_RowOfOneTeamRewritten_ThatTeamsChainNamed(string provider)
    {
        await using var server = await PreviewsServer.StartAsync(provider, settings: new() { ["Previews:Worker:Enabled"] = "false" });
        var admin = await server.ClientForAsync("ops", admin: true);
        var alpha = await server.ClientForAsync("alpha");
        var beta = await server.ClientForAsync("beta");
        await Task.WhenAll(Enumerable.Range(0, 3).SelectMany(i => new[] { PreviewsServer.CreateAsync(alpha, $"a-{i}"), PreviewsServer.CreateAsync(beta, $"b-{i}") }));
        var before = await admin.GetFromJsonAsync<AuditVerification>("/v1/audit/verify", PreviewsServer.Json);

        await using (var db = await server.DbAsync())
        {
            await db.Database.ExecuteSqlRawAsync(server.Database.IsPostgres
                ? "ALTER TABLE \"AuditEntries\" DISABLE TRIGGER USER"
                : "DROP TRIGGER audit_entries_no_update; DROP TRIGGER audit_entries_no_delete;");
            await db.Database.ExecuteSqlRawAsync("UPDATE \"AuditEntries\" SET \"Outcome\" = 'refused' WHERE \"Team\" = 'beta' AND \"ChainSequence\" = 2");
        }

        var after = await admin.GetFromJsonAsync<AuditVerification>("/v1/audit/verify", PreviewsServer.Json);

        Assert.True(before!.Valid, before.Problem);
        Assert.Equal(2, before.Chains);
        Assert.False(after!.Valid);
        Assert.Equal("beta", after.Chain);
        Assert.Equal(2, after.FirstBadSequence);
        Assert.Contains("team 'beta''s chain: row 2 was changed", after.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Migrate_SingleChainFromBefore_KeptSealedAndVerifiedBesideTeamChains(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var hasher = new AuditHasher(System.Text.Encoding.UTF8.GetBytes(PreviewsServer.TestHmacKey));
        await WriteSingleChainAsync(database, hasher, rows: 4);

        await using var server = await PreviewsServer.StartReplicaAsync(database, null, new CountingEngine(TimeSpan.Zero, chatty: false));
        var admin = await server.ClientForAsync("ops", admin: true);
        var alpha = await server.ClientForAsync("alpha");
        await PreviewsServer.CreateAsync(alpha, "after-migration");
        var verify = await admin.GetFromJsonAsync<AuditVerification>("/v1/audit/verify", PreviewsServer.Json);
        await using (var db = await server.DbAsync())
        {
            await db.Database.ExecuteSqlRawAsync(database.IsPostgres
                ? "ALTER TABLE \"AuditEntries\" DISABLE TRIGGER USER"
                : "DROP TRIGGER audit_entries_no_update; DROP TRIGGER audit_entries_no_delete;");
            await db.Database.ExecuteSqlRawAsync("UPDATE \"AuditEntries\" SET \"Actor\" = 'someone-else' WHERE \"Sequence\" = 3");
        }

        var tampered = await admin.GetFromJsonAsync<AuditVerification>("/v1/audit/verify", PreviewsServer.Json);
        var page = await admin.GetFromJsonAsync<AuditPageView>("/v1/audit", PreviewsServer.Json);

        Assert.True(verify!.Valid, verify.Problem);
        Assert.Equal(2, verify.Chains);
        Assert.True(verify.Entries >= 5);
        Assert.False(tampered!.Valid);
        Assert.Equal("", tampered.Chain);
        Assert.Equal(3, tampered.FirstBadSequence);
        Assert.True(page!.Items[4].Sequence > 4, "new rows are numbered after the ones kept");
    }

    /// <summary>The schema and rows as they were before chains per team: one chain, ended by the single head row.</summary>
    private static async Task WriteSingleChainAsync(TestDatabase database, AuditHasher hasher, int rows)
    {
        var options = new DbContextOptionsBuilder<PreviewsDbContext>();
        _ = database.IsPostgres ? options.UseNpgsql(database.ConnectionString) : options.UseSqlite(database.ConnectionString);
        options.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
        await using var db = new PreviewsDbContext(options.Options);
        await db.GetService<IMigrator>().MigrateAsync("20261130000000_EnvironmentStackName");
        var previous = "";
        var at = new DateTimeOffset(2025, 5, 1, 12, 0, 0, TimeSpan.Zero);
        for (var i = 1; i <= rows; i++)
        {
            var record = new AuditRecord
            {
                Sequence = i,
                At = at.AddMinutes(i),
                Actor = "key:old",
                Team = i % 2 == 0 ? "alpha" : "beta",
                Action = "environment.create",
                Outcome = "accepted",
                RequestId = $"r{i}",
                SourceAddress = "127.0.0.1",
                PreviousHash = previous,
            };
            record.Hash = hasher.Compute(record);
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "AuditEntries" ("Sequence", "At", "Actor", "Team", "Action", "EnvironmentId", "Outcome", "RequestId", "SourceAddress", "PreviousHash", "Hash")
                VALUES ({record.Sequence}, {record.At.ToUnixTimeMilliseconds()}, {record.Actor}, {record.Team}, {record.Action}, NULL, {record.Outcome}, {record.RequestId}, {record.SourceAddress}, {record.PreviousHash}, {record.Hash})
                """);
            previous = record.Hash;
        }

        await db.Database.ExecuteSqlAsync($"""UPDATE "AuditHead" SET "LastSequence" = {rows}, "LastHash" = {previous} WHERE "Id" = 1""");
    }
}
