using SecureCart.Platform.Plan.Compute;
using SecureCart.Platform.Plan.Configuration;
using SecureCart.Platform.Plan.Naming;

namespace SecureCart.Platform.Plan.Workflow;

/// <summary>
/// Fulfilment: fraud check, reserve stock, charge, publish <c>order.placed</c>. A failed charge releases the
/// reservation (compensation) before the execution fails, so stock is never held by a dead order.
/// </summary>
public static class WorkflowPlanner
{
    public static WorkflowPlan Plan(StackSettings stack, ResourceNames names)
    {
        var architecture = stack.CpuArchitecture.Name();
        LambdaPlan Function(string logical, int timeout) =>
            new(logical, names.Physical(logical), "dotnet8", $"SecureCart.Functions::SecureCart.Functions.{Pascal(logical)}::HandleAsync", architecture, 512, timeout, "Active");
        return new WorkflowPlan(
            names.Physical("order-fulfilment"),
            "STANDARD",
            Tracing: true,
            LogLevel: "ERROR",
            [
                new("FraudCheck", "fraud-check", "OrderFailed"),
                new("ReserveInventory", "reserve-inventory", "OrderFailed"),
                new("ChargePayment", "charge-payment", "ReleaseInventory"),
                new("PublishOrderPlaced", null, null),
                new("ReleaseInventory", "release-inventory", null),
                new("OrderFailed", null, null),
            ],
            [Function("fraud-check", 10), Function("reserve-inventory", 30), Function("charge-payment", 30), Function("release-inventory", 30)]);
    }

    private static string Pascal(string kebab) =>
        string.Concat(kebab.Split('-').Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
}
