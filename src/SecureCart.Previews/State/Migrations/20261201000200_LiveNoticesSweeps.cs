using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace SecureCart.Previews.State.Migrations;

/// <summary>
/// Job leases (the orphan sweep) and expiry notices, on both stores. Then: PostgreSQL tells every replica's listener which operations got events, at commit, whichever path wrote them (the
/// engine's batches, a claim, a cancel, the result). One statement-level trigger: a batch of 100 events is one
/// NOTIFY per operation, not 100. SQLite is one process, so the writers ring the in-process feed themselves.
/// </summary>
[DbContext(typeof(PreviewsDbContext))]
[Migration("20261201000200_LiveNoticesSweeps")]
public sealed class LiveNoticesSweeps : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.CreateTable(
            name: "JobLeases",
            columns: table => new
            {
                Name = table.Column<string>(nullable: false),
                Holder = table.Column<string>(nullable: false),
                ExpiresAt = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_JobLeases", x => x.Name));
        migrationBuilder.CreateTable(
            name: "ExpiryNotices",
            columns: table => new
            {
                EnvironmentId = table.Column<Guid>(nullable: false),
                ExpiresAt = table.Column<long>(nullable: false),
                LeadMinutes = table.Column<int>(nullable: false),
                Channel = table.Column<string>(nullable: false),
                Id = table.Column<Guid>(nullable: false),
                Target = table.Column<string>(nullable: false),
                Status = table.Column<string>(nullable: false),
                Attempts = table.Column<int>(nullable: false),
                NextAttemptAt = table.Column<long>(nullable: false),
                ClaimedBy = table.Column<string>(nullable: true),
                ClaimExpiresAt = table.Column<long>(nullable: true),
                LastError = table.Column<string>(nullable: true),
                CreatedAt = table.Column<long>(nullable: false),
                DeliveredAt = table.Column<long>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_ExpiryNotices", x => new { x.EnvironmentId, x.ExpiresAt, x.LeadMinutes, x.Channel }));
        migrationBuilder.CreateIndex("IX_ExpiryNotices_Status_NextAttemptAt", "ExpiryNotices", ["Status", "NextAttemptAt"]);
        migrationBuilder.CreateTable(
            name: "NoticeTargets",
            columns: table => new
            {
                EnvironmentId = table.Column<Guid>(nullable: false),
                WebhookUrl = table.Column<string>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_NoticeTargets", x => x.EnvironmentId));
        if (migrationBuilder.IsNpgsql())
        {
            migrationBuilder.Sql("""
                CREATE FUNCTION operation_events_notify() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    PERFORM pg_notify('previews_operation_events', ids."OperationId"::text)
                    FROM (SELECT DISTINCT "OperationId" FROM inserted) AS ids;
                    RETURN NULL;
                END $$;
                CREATE TRIGGER operation_events_notify AFTER INSERT ON "OperationEvents"
                    REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION operation_events_notify();
                """);
        }
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.DropTable("NoticeTargets");
        migrationBuilder.DropTable("ExpiryNotices");
        migrationBuilder.DropTable("JobLeases");
        if (migrationBuilder.IsNpgsql())
        {
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS operation_events_notify ON "OperationEvents";
                DROP FUNCTION IF EXISTS operation_events_notify();
                """);
        }
    }
}
