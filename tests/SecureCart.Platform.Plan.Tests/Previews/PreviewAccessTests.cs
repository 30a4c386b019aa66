using SecureCart.Platform.Plan.Compute;
using SecureCart.Platform.Plan.Cost;
using SecureCart.Platform.Plan.Previews;

namespace SecureCart.Platform.Plan.Tests.Previews;

public sealed class PreviewAccessTests
{
    private static readonly PreviewBase s_base = new("preview-base", "eu-west-1", "shop.securecart.example", CpuArchitecture.Arm64);

    private static PreviewEnvironmentPlan Plan(string environment = "pr-7", string team = "web") =>
        Assert.IsType<PreviewPlanResult.Planned>(PreviewPlanner.Plan(environment, team, PreviewSize.Small, "v1", s_base, PriceBook.Default)).Plan;

    [Fact]
    public void Plan_ServiceGrants_ProductionsOnOwnedQueuesAndTablesOnly()
    {
        var services = Plan().Services.ToDictionary(s => s.LogicalName);

        Assert.Equal(
            [new(AccessKind.TableReadWrite, "carts"), new(AccessKind.QueueSend, "orders")],
            services["checkout"].Access);
        Assert.Equal([new(AccessKind.QueueConsume, "orders")], services["order-worker"].Access);
        Assert.Equal([new(AccessKind.QueueConsume, "notifications")], services["notifications"].Access);
        Assert.DoesNotContain(services.Values.SelectMany(s => s.Access), a => a.Kind is AccessKind.BusPublish or AccessKind.TopicPublish or AccessKind.StateMachineStart);
        Assert.DoesNotContain(services["inventory"].Access, a => a.Resource == "inventory-events");
    }

    [Fact]
    public void Plan_DatabaseUsers_AreTheServicesProductionConnectsToPostgres()
    {
        var users = Plan().Services.Where(s => s.UsesDatabase).Select(s => s.LogicalName).Order().ToArray();

        Assert.Equal(["inventory", "orders", "payments"], users);
    }

    [Fact]
    public void DatabaseName_DiffersAcrossTeamsAndAmbiguousHyphens()
    {
        string[] names = [Plan("demo", "web").DatabaseName, Plan("demo", "pay").DatabaseName, Plan("a-b", "c").DatabaseName, Plan("b", "c-a").DatabaseName];

        Assert.Equal(names.Length, names.Distinct(StringComparer.Ordinal).Count());
        Assert.All(names, n => Assert.True(PreviewDatabasePlan.IsValidName(n), n));
        Assert.Equal(Plan("demo", "web").DatabaseName, Plan("demo", "web").DatabaseName);
    }

    [Fact]
    public void DatabaseName_LongestEnvironment_FitsPostgresIdentifierLimit()
    {
        var name = Plan(new string('x', PreviewPlanner.MaxNameLength), new string('t', 63)).DatabaseName;

        Assert.True(name.Length <= PreviewDatabasePlan.MaxIdentifierLength, name);
    }

    [Theory]
    [InlineData("pv_ok_1", true)]
    [InlineData("pv_x\"; drop role postgres; --", false)]
    [InlineData("PV_UPPER", false)]
    [InlineData("postgres", false)]
    [InlineData("", false)]
    public void IsValidName_AcceptsOnlyPlannedShape(string name, bool valid) =>
        Assert.Equal(valid, PreviewDatabasePlan.IsValidName(name));
}
