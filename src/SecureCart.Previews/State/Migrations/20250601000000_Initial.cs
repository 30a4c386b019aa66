using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace SecureCart.Previews.State.Migrations;

/// <summary>
/// The one schema for both providers: no column names a provider type, so PostgreSQL and SQLite each map the CLR
/// type themselves; the identity annotations of both are given and each provider reads its own.
/// </summary>
[DbContext(typeof(PreviewsDbContext))]
[Migration("20250601000000_Initial")]
public sealed class Initial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.CreateTable("Teams", t => new
        {
            Name = t.Column<string>(nullable: false),
            LockVersion = t.Column<long>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_Teams", x => x.Name));

        migrationBuilder.CreateTable("Environments", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            Team = t.Column<string>(nullable: false),
            Name = t.Column<string>(nullable: false),
            GitRef = t.Column<string>(nullable: true),
            ImageTag = t.Column<string>(nullable: true),
            Size = t.Column<string>(nullable: false),
            Status = t.Column<string>(maxLength: 16, nullable: false),
            StatusReason = t.Column<string>(nullable: true),
            Url = t.Column<string>(nullable: true),
            OutputsJson = t.Column<string>(nullable: false),
            CreatedBy = t.Column<string>(nullable: false),
            CreatedAt = t.Column<long>(nullable: false),
            ExpiresAt = t.Column<long>(nullable: false),
            DestroyedAt = t.Column<long>(nullable: true),
            CostPerHour = t.Column<decimal>(precision: 18, scale: 6, nullable: false),
            CostPerMonth = t.Column<decimal>(precision: 18, scale: 6, nullable: false),
            ActiveOperationId = t.Column<Guid>(nullable: true),
            LastOperationId = t.Column<Guid>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_Environments", x => x.Id));
        migrationBuilder.CreateIndex("IX_Environments_Team_Status", "Environments", ["Team", "Status"]);
        migrationBuilder.CreateIndex("IX_Environments_Team_Name", "Environments", ["Team", "Name"]);
        migrationBuilder.CreateIndex("IX_Environments_ExpiresAt", "Environments", "ExpiresAt");

        migrationBuilder.CreateTable("Operations", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            EnvironmentId = t.Column<Guid>(nullable: false),
            Team = t.Column<string>(nullable: false),
            Kind = t.Column<string>(maxLength: 16, nullable: false),
            Status = t.Column<string>(maxLength: 16, nullable: false),
            RequestedBy = t.Column<string>(nullable: false),
            CreatedAt = t.Column<long>(nullable: false),
            StartedAt = t.Column<long>(nullable: true),
            FinishedAt = t.Column<long>(nullable: true),
            LeaseOwner = t.Column<string>(nullable: true),
            LeaseExpiresAt = t.Column<long>(nullable: true),
            FencingToken = t.Column<long>(nullable: false),
            Attempts = t.Column<int>(nullable: false),
            CancelRequested = t.Column<bool>(nullable: false),
            Error = t.Column<string>(nullable: true),
        }, constraints: t => t.PrimaryKey("PK_Operations", x => x.Id));
        migrationBuilder.CreateIndex("IX_Operations_Status_CreatedAt", "Operations", ["Status", "CreatedAt"]);
        migrationBuilder.CreateIndex("IX_Operations_EnvironmentId", "Operations", "EnvironmentId");

        migrationBuilder.CreateTable("OperationEvents", t => new
        {
            Id = t.Column<long>(nullable: false)
                .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn)
                .Annotation("Sqlite:Autoincrement", true),
            OperationId = t.Column<Guid>(nullable: false),
            Sequence = t.Column<int>(nullable: false),
            Type = t.Column<string>(nullable: false),
            Message = t.Column<string>(nullable: false),
            At = t.Column<long>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_OperationEvents", x => x.Id));
        migrationBuilder.CreateIndex("IX_OperationEvents_OperationId_Sequence", "OperationEvents", ["OperationId", "Sequence"], unique: true);

        migrationBuilder.CreateTable("ApiKeys", t => new
        {
            Id = t.Column<Guid>(nullable: false),
            Team = t.Column<string>(nullable: false),
            Name = t.Column<string>(nullable: false),
            IsAdmin = t.Column<bool>(nullable: false),
            Hash = t.Column<string>(nullable: false),
            Prefix = t.Column<string>(nullable: false),
            CreatedAt = t.Column<long>(nullable: false),
            RevokedAt = t.Column<long>(nullable: true),
        }, constraints: t => t.PrimaryKey("PK_ApiKeys", x => x.Id));
        migrationBuilder.CreateIndex("IX_ApiKeys_Hash", "ApiKeys", "Hash", unique: true);

        migrationBuilder.CreateTable("IdempotencyKeys", t => new
        {
            Team = t.Column<string>(nullable: false),
            Key = t.Column<string>(nullable: false),
            RequestHash = t.Column<string>(nullable: false),
            EnvironmentId = t.Column<Guid>(nullable: false),
            OperationId = t.Column<Guid>(nullable: false),
            CreatedAt = t.Column<long>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_IdempotencyKeys", x => new { x.Team, x.Key }));

        migrationBuilder.CreateTable("AuditEntries", t => new
        {
            Sequence = t.Column<long>(nullable: false),
            At = t.Column<long>(nullable: false),
            Actor = t.Column<string>(nullable: false),
            Team = t.Column<string>(nullable: false),
            Action = t.Column<string>(nullable: false),
            EnvironmentId = t.Column<Guid>(nullable: true),
            Outcome = t.Column<string>(nullable: false),
            RequestId = t.Column<string>(nullable: false),
            SourceAddress = t.Column<string>(nullable: false),
            PreviousHash = t.Column<string>(nullable: false),
            Hash = t.Column<string>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_AuditEntries", x => x.Sequence));
        migrationBuilder.CreateIndex("IX_AuditEntries_Team_Sequence", "AuditEntries", ["Team", "Sequence"]);

        migrationBuilder.CreateTable("AuditHead", t => new
        {
            Id = t.Column<int>(nullable: false),
            LastSequence = t.Column<long>(nullable: false),
            LastHash = t.Column<string>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_AuditHead", x => x.Id));
        migrationBuilder.Sql("""INSERT INTO "AuditHead" ("Id", "LastSequence", "LastHash") VALUES (1, 0, '');""");

        // The database refuses to change or remove an audit row, whatever the caller.
        if (migrationBuilder.IsNpgsql())
        {
            migrationBuilder.Sql("""
                CREATE FUNCTION audit_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION 'audit entries are append-only'; END $$;
                CREATE TRIGGER audit_entries_append_only BEFORE UPDATE OR DELETE ON "AuditEntries"
                FOR EACH ROW EXECUTE FUNCTION audit_entries_append_only();
                """);
        }
        else
        {
            migrationBuilder.Sql("""CREATE TRIGGER audit_entries_no_update BEFORE UPDATE ON "AuditEntries" BEGIN SELECT RAISE(ABORT, 'audit entries are append-only'); END;""");
            migrationBuilder.Sql("""CREATE TRIGGER audit_entries_no_delete BEFORE DELETE ON "AuditEntries" BEGIN SELECT RAISE(ABORT, 'audit entries are append-only'); END;""");
        }
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        foreach (var table in new[] { "AuditHead", "AuditEntries", "IdempotencyKeys", "ApiKeys", "OperationEvents", "Operations", "Environments", "Teams" })
        {
            migrationBuilder.DropTable(table);
        }

        if (migrationBuilder.IsNpgsql())
        {
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS audit_entries_append_only();");
        }
    }
}
