using System.Collections.Immutable;
using SecureCart.Platform.Plan.Compute;
using SecureCart.Platform.Plan.Configuration;
using SecureCart.Platform.Plan.Messaging;
using SecureCart.Platform.Plan.Naming;
using SecureCart.Platform.Plan.Network;

namespace SecureCart.Platform.Plan.Workflow;

/// <summary>
/// Fulfilment as a saga: fraud check, reserve stock, charge, publish <c>order.placed</c>. Every step carries an
/// idempotency key (execution name and state), so a retry after a timeout repeats nothing. A declined card
/// releases the reservation; a charge whose outcome is unknown (timeout, crash) is refunded first — the refund is
/// keyed to the charge and is a no-op if nothing was charged. Every failure emits <c>order.failed</c>. An event the
/// bus will not take is parked in the undelivered-events queue rather than failing a paid order.
/// </summary>
public static class WorkflowPlanner
{
    /// <summary>Errors the functions throw on purpose: a business outcome, never retried.</summary>
    public const string PaymentDeclined = "Payment.Declined";

    // Transient Lambda service errors, as the Step Functions guide advises retrying them
    // (https://docs.aws.amazon.com/step-functions/latest/dg/bp-lambda-serviceexception.html).
    private static readonly WorkflowRetryPlan s_lambdaService = new(
        ["Lambda.ClientExecutionTimeoutException", "Lambda.ServiceException", "Lambda.AWSLambdaException", "Lambda.SdkClientException", "Lambda.TooManyRequestsException"],
        IntervalSeconds: 2, MaxAttempts: 6, BackoffRate: 2, MaxDelaySeconds: 30);

    // A function timeout (Lambda.Unknown) or a task timeout may have done the work: safe to repeat because of the key.
    private static readonly WorkflowRetryPlan s_outcomeUnknown = new(["Lambda.Unknown", "States.Timeout"], IntervalSeconds: 5, MaxAttempts: 2, BackoffRate: 2, MaxDelaySeconds: 30);

    // The optimized putEvents integration fails the task with EventBridge.FailedEntry when an entry is refused
    // (https://docs.aws.amazon.com/step-functions/latest/dg/connect-eventbridge.html); States.TaskFailed covers it.
    private static readonly WorkflowRetryPlan s_delivery = new(["States.TaskFailed", "States.Timeout"], IntervalSeconds: 1, MaxAttempts: 5, BackoffRate: 2, MaxDelaySeconds: 20);

    public static WorkflowPlan Plan(StackSettings stack, ResourceNames names)
    {
        var architecture = stack.CpuArchitecture.Name();
        LambdaPlan Function(string logical, int timeout, ImmutableArray<ServiceAccess> access) =>
            new(logical, names.Physical(logical), "dotnet10", $"SecureCart.Functions::SecureCart.Functions.{Pascal(logical)}::HandleAsync", architecture, 512, timeout, "Active",
                ArtifactLocations.FunctionBucket(stack.Region), ArtifactLocations.FunctionPackageKey(logical, stack.FunctionsRelease), access);
        ImmutableArray<LambdaPlan> functions =
        [
            // Scores the order against the cart it came from.
            Function("fraud-check", 10, [new(AccessKind.TableRead, "carts")]),
            // Stock moves through the inventory service's queue, which owns the counts.
            Function("reserve-inventory", 30, [new(AccessKind.QueueSend, "inventory-events")]),
            // The charge and refund results are events other parts (notifications, ops) react to.
            // Each records its charge or refund under the step's idempotency key in the payments database, so a retry
            // finds the first attempt's outcome instead of charging twice.
            Function("charge-payment", 30, [new(AccessKind.BusPublish, MessagingPlan.BusLogicalName), new(AccessKind.PostgresConnect, DataTier.Postgres)]),
            Function("refund-payment", 30, [new(AccessKind.BusPublish, MessagingPlan.BusLogicalName), new(AccessKind.PostgresConnect, DataTier.Postgres)]),
            Function("release-inventory", 30, [new(AccessKind.QueueSend, "inventory-events")]),
        ];
        int Timeout(string function) => functions.Single(f => f.LogicalName == function).TimeoutSeconds + 5;
        WorkflowStepPlan Invoke(string name, string function, string next, params WorkflowCatchPlan[] catches) =>
            new(name, WorkflowStepKind.InvokeFunction, function, null, next, Timeout(function), [s_lambdaService, s_outcomeUnknown], [.. catches]);
        WorkflowStepPlan Publish(string name, string detailType, string? next, string parkIn) =>
            new(name, WorkflowStepKind.PublishEvent, null, detailType, next, 10, [s_delivery], [Catch("States.ALL", parkIn, "$.publishError")]);
        WorkflowStepPlan Park(string name, string detailType, string? next) =>
            new(name, WorkflowStepKind.ParkEvent, null, detailType, next, 10, [s_delivery], []);

        return new WorkflowPlan(
            names.Physical("order-fulfilment"),
            "STANDARD",
            Tracing: true,
            LogLevel: "ERROR",
            EventSource: "securecart.orders",
            [
                Invoke("FraudCheck", "fraud-check", "ReserveInventory", Catch("States.ALL", "PublishOrderFailed", "$.error")),
                // A reservation that timed out may exist: release it (a no-op when nothing was reserved).
                Invoke("ReserveInventory", "reserve-inventory", "ChargePayment", Catch("States.ALL", "ReleaseInventory", "$.error")),
                Invoke("ChargePayment", "charge-payment", "PublishOrderPlaced",
                    Catch(PaymentDeclined, "ReleaseInventory", "$.error"),
                    Catch("States.ALL", "RefundPayment", "$.error")),
                Publish("PublishOrderPlaced", "order.placed", null, "ParkOrderPlaced"),
                Park("ParkOrderPlaced", "order.placed", null),
                Invoke("RefundPayment", "refund-payment", "ReleaseInventory", Catch("States.ALL", "ReleaseInventory", "$.refundError")),
                Invoke("ReleaseInventory", "release-inventory", "PublishOrderFailed", Catch("States.ALL", "PublishOrderFailed", "$.releaseError")),
                Publish("PublishOrderFailed", "order.failed", "OrderFailed", "ParkOrderFailed"),
                Park("ParkOrderFailed", "order.failed", "OrderFailed"),
                new("OrderFailed", WorkflowStepKind.Fail, null, null, null, null, [], []),
            ],
            functions);
    }

    private static WorkflowCatchPlan Catch(string error, string next, string resultPath) => new([error], next, resultPath);

    private static string Pascal(string kebab) =>
        string.Concat(kebab.Split('-').Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
}
