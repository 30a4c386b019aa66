using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace SecureCart.Previews.State.Migrations;

/// <summary>
/// No NOTIFY from the transaction that creates an environment or queues an operation. PostgreSQL serialises the
/// commits of all notifying transactions on one database-wide lock held through the commit's WAL flush, so a NOTIFY
/// in every create made creates of different teams wait for each other's fsync. Nobody can need those notices: a
/// new environment is in no replica's cache (only rows found are kept), and an operation's first event (sequence 1,
/// written by the transaction that queues it) precedes the 202 that tells a client its id, so a watcher reads it
/// from the table. Updates and deletes of environments, and every later event, still notify.
/// </summary>
[DbContext(typeof(PreviewsDbContext))]
[Migration("20261201000500_QuietInserts")]
public sealed class QuietInserts : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        if (migrationBuilder.IsNpgsql())
        {
            migrationBuilder.Sql("""
                DROP TRIGGER environments_notify ON "Environments";
                CREATE TRIGGER environments_notify AFTER UPDATE OR DELETE ON "Environments"
                    FOR EACH ROW EXECUTE FUNCTION environments_notify();
                CREATE OR REPLACE FUNCTION operation_events_notify() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    PERFORM pg_notify('previews_operation_events', ids."OperationId"::text)
                    FROM (SELECT DISTINCT "OperationId" FROM inserted WHERE "Sequence" > 1) AS ids;
                    RETURN NULL;
                END $$;
                """);
        }
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        if (migrationBuilder.IsNpgsql())
        {
            migrationBuilder.Sql("""
                DROP TRIGGER environments_notify ON "Environments";
                CREATE TRIGGER environments_notify AFTER INSERT OR UPDATE OR DELETE ON "Environments"
                    FOR EACH ROW EXECUTE FUNCTION environments_notify();
                CREATE OR REPLACE FUNCTION operation_events_notify() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    PERFORM pg_notify('previews_operation_events', ids."OperationId"::text)
                    FROM (SELECT DISTINCT "OperationId" FROM inserted) AS ids;
                    RETURN NULL;
                END $$;
                """);
        }
    }
}
