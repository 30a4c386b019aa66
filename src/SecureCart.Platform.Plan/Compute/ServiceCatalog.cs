using SecureCart.Platform.Plan.Messaging;
using SecureCart.Platform.Plan.Network;
using SecureCart.Platform.Plan.Workflow;

namespace SecureCart.Platform.Plan.Compute;

/// <summary>
/// The shop's services. The seed's eight, with orders split in two: the orders API answers HTTP, and the
/// order worker drains the orders queue into the fulfilment state machine, so a queue backlog scales
/// workers without scaling the API. PostgreSQL holds orders, payments and stock counts; Redis the storefront's
/// session cache and the catalog and cart caches: only those services reach a store.
/// </summary>
public static class ServiceCatalog
{
    private static readonly ServiceAccess s_postgres = new(AccessKind.PostgresConnect, DataTier.Postgres);
    private static readonly ServiceAccess s_redis = new(AccessKind.RedisConnect, DataTier.Redis);

    public static IReadOnlyList<ServiceDefinition> Services { get; } =
    [
        new("storefront", ServiceKind.Public, 1024, 2048, 2.0, 50, null, [new(AccessKind.TableReadWrite, "sessions"), new(AccessKind.TableRead, "catalog"), s_redis]),
        new("catalog", ServiceKind.Public, 512, 1024, 1.5, 50, "/api/catalog/*", [new(AccessKind.TableReadWrite, "catalog"), s_redis]),
        new("cart", ServiceKind.Public, 512, 1024, 1.0, 30, "/api/cart/*", [new(AccessKind.TableReadWrite, "carts"), new(AccessKind.TableRead, "catalog"), s_redis]),
        new("checkout", ServiceKind.Public, 1024, 2048, 1.0, 0, "/api/checkout/*", [new(AccessKind.TableReadWrite, "carts"), new(AccessKind.QueueSend, "orders")]),
        new("orders", ServiceKind.Public, 512, 1024, 1.0, 0, "/api/orders/*", [new(AccessKind.BusPublish, MessagingPlan.BusLogicalName), s_postgres]),
        new("payments", ServiceKind.Internal, 1024, 2048, 1.0, 0, null, [s_postgres]),
        new("inventory", ServiceKind.Internal, 512, 1024, 1.0, 30, null, [new(AccessKind.QueueConsume, "inventory-events"), new(AccessKind.BusPublish, MessagingPlan.BusLogicalName), s_postgres]),
        new("notifications", ServiceKind.Worker, 256, 512, 0.5, 100, null, [new(AccessKind.QueueConsume, "notifications"), new(AccessKind.TopicPublish, "order-events")],
            // A notice may wait two minutes; rendering and sending one takes about half a second.
            new WorkerBacklog("notifications", SecondsPerMessage: 0.5, AcceptableLatencySeconds: 120)),
        new("order-worker", ServiceKind.Worker, 512, 1024, 1.0, 0, null, [new(AccessKind.QueueConsume, "orders"), new(AccessKind.StateMachineStart, WorkflowPlan.LogicalName)],
            // An order should reach fulfilment within 30 s of checkout; starting its execution takes about a quarter second.
            new WorkerBacklog("orders", SecondsPerMessage: 0.25, AcceptableLatencySeconds: 30)),
    ];
}
