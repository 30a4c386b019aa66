using System.Collections.Immutable;
using SecureCart.Platform.Plan.Compute;
using SecureCart.Platform.Plan.Configuration;
using SecureCart.Platform.Plan.Messaging;
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
        var architecture = stack.CpuArchitecture == CpuArchitecture.Arm64 ? "arm64" : "x86_64";
        LambdaPlan Function(string logical, int timeout, ImmutableArray<ServiceAccess> access) =>
            new(logical, names.Physical(logical), "dotnet8", $"SecureCart.Functions::SecureCart.Functions.{Pascal(logical)}::HandleAsync", architecture, 512, timeout, "Active",
                ArtifactLocations.FunctionBucket(stack.Region), ArtifactLocations.FunctionPackageKey(logical, stack.FunctionsRelease), access);
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
            [
                // Scores the order against the cart it came from.
                Function("fraud-check", 10, [new(AccessKind.TableRead, "carts")]),
                // Stock moves through the inventory service's queue, which owns the counts.
                Function("reserve-inventory", 30, [new(AccessKind.QueueSend, "inventory-events")]),
                // The charge result is an event other parts (notifications, ops) react to.
                Function("charge-payment", 30, [new(AccessKind.BusPublish, MessagingPlan.BusLogicalName)]),
                Function("release-inventory", 30, [new(AccessKind.QueueSend, "inventory-events")]),
            ]);
    }

    private static string Pascal(string kebab) =>
        string.Concat(kebab.Split('-').Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
}
