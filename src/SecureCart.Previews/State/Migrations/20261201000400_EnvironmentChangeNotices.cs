using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace SecureCart.Previews.State.Migrations;

/// <summary>
/// PostgreSQL tells every replica's listener which environments changed, at commit, whichever path wrote them, so
/// each replica's cache of environment reads drops them. Row-level: NOTIFY folds identical payloads within one
/// transaction, so a row written twice in it is still one notice. SQLite is one process: the writers drop their own.
/// </summary>
[DbContext(typeof(PreviewsDbContext))]
[Migration("20261201000400_EnvironmentChangeNotices")]
public sealed class EnvironmentChangeNotices : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        if (migrationBuilder.IsNpgsql())
        {
            migrationBuilder.Sql("""
                CREATE FUNCTION environments_notify() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    PERFORM pg_notify('previews_environments', COALESCE(NEW."Id", OLD."Id")::text);
                    RETURN NULL;
                END $$;
                CREATE TRIGGER environments_notify AFTER INSERT OR UPDATE OR DELETE ON "Environments"
                    FOR EACH ROW EXECUTE FUNCTION environments_notify();
                """);
        }
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        if (migrationBuilder.IsNpgsql())
        {
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS environments_notify ON "Environments";
                DROP FUNCTION IF EXISTS environments_notify();
                """);
        }
    }
}
