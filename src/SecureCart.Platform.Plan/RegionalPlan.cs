using System.Collections.Immutable;
using SecureCart.Platform.Plan.Audit;
using SecureCart.Platform.Plan.Compute;
using SecureCart.Platform.Plan.Configuration;
using SecureCart.Platform.Plan.Data;
using SecureCart.Platform.Plan.Edge;
using SecureCart.Platform.Plan.Ingress;
using SecureCart.Platform.Plan.Messaging;
using SecureCart.Platform.Plan.Network;
using SecureCart.Platform.Plan.Observability;
using SecureCart.Platform.Plan.Workflow;

namespace SecureCart.Platform.Plan;

/// <summary>Everything one regional stack contains, with every name, size and tag decided.</summary>
/// <param name="Recovery">RPO and RTO per data store and the region-failure path.</param>
public sealed record RegionalPlan(
    string Project,
    string Stack,
    string Region,
    bool IsHome,
    SizeProfile Profile,
    string HomeStack,
    ImmutableSortedDictionary<string, string> Tags,
    NetworkPlan Network,
    ComputePlan Compute,
    IngressPlan Ingress,
    DataPlan Data,
    MessagingPlan Messaging,
    WorkflowPlan Workflow,
    ObservabilityPlan Observability,
    EndpointGroupPlan EndpointGroup,
    DnsRecordPlan ApiRecord,
    EdgePlan? Edge,
    Recovery.RecoveryPlan? Recovery = null)
{
    /// <summary>Flow, access and audit logs.</summary>
    public required AuditPlan Audit { get; init; }

    /// <summary>
    /// Logical names of the resources only the home stack has, from its edge and ingress plans (empty elsewhere). These, and the
    /// declared per-stack settings, are the only asymmetry between regional stacks; the parity checks allow nothing else.
    /// </summary>
    public ImmutableArray<string> HomeOnlyLogicalNames => [.. Edge?.LogicalNames ?? [], .. Ingress.HomeOnlyLogicalNames, .. Observability.HomeOnlyLogicalNames, .. Audit.HomeOnlyLogicalNames];
}
