using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace SecureCart.Previews.State.Migrations;

/// <summary>
/// PostgreSQL tells every replica's listener which operations got events, at commit, whichever path wrote them (the
/// engine's batches, a claim, a cancel, the result). One statement-level trigger: a batch of 100 events is one
/// NOTIFY per operation, not 100. SQLite is one process, so the writers ring the in-process feed themselves.
/// </summary>
[DbContext(typeof(PreviewsDbContext))]
[Migration("20261201000200_OperationEventNotify")]
public sealed class OperationEventNotify : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
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
        if (migrationBuilder.IsNpgsql())
        {
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS operation_events_notify ON "OperationEvents";
                DROP FUNCTION IF EXISTS operation_events_notify();
                """);
        }
    }
}
