using SecureCart.Platform.Plan.Audit;
using SecureCart.Platform.Plan.Compute;
using SecureCart.Platform.Plan.Configuration;
using SecureCart.Platform.Plan.Data;
using SecureCart.Platform.Plan.Edge;
using SecureCart.Platform.Plan.Ingress;
using SecureCart.Platform.Plan.Messaging;
using SecureCart.Platform.Plan.Naming;
using SecureCart.Platform.Plan.Network;
using SecureCart.Platform.Plan.Observability;
using SecureCart.Platform.Plan.Recovery;
using SecureCart.Platform.Plan.Workflow;

namespace SecureCart.Platform.Plan;

/// <summary>Builds a stack's <see cref="RegionalPlan"/> from validated settings.</summary>
public static class RegionalPlanner
{
    public static RegionalPlan Plan(ProjectConfiguration project, string stackName)
    {
        ArgumentNullException.ThrowIfNull(project);
        return Plan(project.Stack(stackName), project.Stacks);
    }

    /// <param name="stack">The stack to plan.</param>
    /// <param name="allStacks">Every stack of the project (global tables and endpoint groups span them); includes <paramref name="stack"/>.</param>
    public static RegionalPlan Plan(StackSettings stack, IReadOnlyList<StackSettings> allStacks)
    {
        ArgumentNullException.ThrowIfNull(stack);
        ArgumentNullException.ThrowIfNull(allStacks);
        var names = new ResourceNames(StackSettingsSchema.ProjectName, stack.StackName);
        var compute = ComputePlanner.Plan(stack, names);
        var workflow = WorkflowPlanner.Plan(stack, names);
        var network = NetworkPlanner.Plan(stack, names, DataClients(compute, workflow));
        var planned = DataPlanner.Plan(stack, allStacks, names, network);
        var clients = DatabaseConnectionsPlanner.Clients(compute, planned.Rds.Replicas.Length);
        var data = planned with { Clients = clients, Proxy = DatabaseConnectionsPlanner.Proxy(planned.Rds, clients, names) };
        var messaging = MessagingPlanner.Plan(names);
        var home = allStacks.FirstOrDefault(s => s.IsHome) ?? stack;
        var ingress = IngressPlanner.Plan(stack, names, compute, home.StackName);
        var edge = EdgePlanner.Plan(stack, allStacks, names);
        return new RegionalPlan(
            StackSettingsSchema.ProjectName,
            stack.StackName,
            stack.Region,
            stack.IsHome,
            stack.Profile,
            home.StackName,
            Tagging.For(stack.StackName, stack.Region, stack.Profile),
            network,
            compute,
            ingress,
            data,
            messaging,
            workflow,
            ObservabilityPlanner.Plan(stack, names, compute, data, messaging, ingress, workflow, edge, allStacks),
            EdgePlanner.EndpointGroup(stack),
            EdgePlanner.RegionalApiRecord(stack),
            edge,
            RecoveryPlanner.Plan(stack, allStacks, data, messaging, edge))
        {
            Audit = AuditPlanner.Plan(stack, names),
        };
    }

    // The services and functions, and the AWS rotation function that logs in to PostgreSQL to change its password.
    private static List<DataClient> DataClients(ComputePlan compute, WorkflowPlan workflow) =>
    [
        .. compute.Services.Select(s => new DataClient(s.LogicalName, s.Access)),
        .. workflow.Functions.Select(f => new DataClient(f.LogicalName, f.Access)),
        new(DataTier.RotationClient, [new(AccessKind.PostgresConnect, DataTier.Postgres)]),
        DatabaseConnectionsPlanner.ProxyClient,
    ];
}
