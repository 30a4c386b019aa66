using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace SecureCart.Previews.State.Migrations;

/// <summary>
/// One audit chain per team. The rows written so far stay as they are (they are append-only and their HMACs cover
/// their old numbering): they keep ChainSequence 0 and form the sealed chain that "AuditHead" still ends, verified as
/// before. New rows join their team's chain from position 1. On PostgreSQL the unique row number comes from a
/// sequence, which hands out numbers without a lock that writers wait on.
/// </summary>
[DbContext(typeof(PreviewsDbContext))]
[Migration("20261201000100_AuditChainPerTeam")]
public sealed class AuditChainPerTeam : Migration
{
    public const string PostgresSequence = "AuditEntries_Sequence";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.AddColumn<long>("ChainSequence", "AuditEntries", nullable: false, defaultValue: 0L);
        migrationBuilder.CreateIndex(
            "IX_AuditEntries_Team_ChainSequence", "AuditEntries", ["Team", "ChainSequence"], unique: true, filter: "\"ChainSequence\" > 0");
        migrationBuilder.CreateTable("AuditChainHeads", t => new
        {
            Team = t.Column<string>(nullable: false),
            LastSequence = t.Column<long>(nullable: false),
            LastHash = t.Column<string>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_AuditChainHeads", x => x.Team));
        if (migrationBuilder.IsNpgsql())
        {
            migrationBuilder.Sql($"""
                CREATE SEQUENCE "{PostgresSequence}";
                SELECT setval('"{PostgresSequence}"', COALESCE((SELECT MAX("Sequence") FROM "AuditEntries"), 0) + 1, false);
                """);
        }
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        if (migrationBuilder.IsNpgsql())
        {
            migrationBuilder.Sql($"""DROP SEQUENCE IF EXISTS "{PostgresSequence}";""");
        }

        migrationBuilder.DropTable("AuditChainHeads");
        migrationBuilder.DropIndex("IX_AuditEntries_Team_ChainSequence", "AuditEntries");
        migrationBuilder.DropColumn("ChainSequence", "AuditEntries");
    }
}
