using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace SecureCart.Previews.State.Migrations;

/// <summary>
/// The stack name is decided once, by the plan at create, and stored: workers read it instead of planning again.
/// Rows from before this column have "" and are planned once more when next claimed.
/// </summary>
[DbContext(typeof(PreviewsDbContext))]
[Migration("20261130000000_EnvironmentStackName")]
public sealed class EnvironmentStackName : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.AddColumn<string>("StackName", "Environments", nullable: false, defaultValue: "");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.DropColumn("StackName", "Environments");
    }
}
