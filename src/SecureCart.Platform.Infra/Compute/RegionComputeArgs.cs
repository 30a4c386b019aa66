using System.Collections.Immutable;
using Pulumi;
using SecureCart.Platform.Infra.Ingress;
using SecureCart.Platform.Infra.Network;
using SecureCart.Platform.Plan.Compute;

namespace SecureCart.Platform.Infra.Compute;

/// <summary>The compute plan and what the services attach to.</summary>
/// <param name="Secrets">Secret config values by key (the plan's <c>SecretNames</c>), read by the stack.</param>
/// <param name="Access">Deployed ARNs the services' planned grants name.</param>
/// <param name="Database">Writer and reader endpoints for the PostgreSQL clients; null when the plan has no proxy.</param>
/// <param name="DatabaseClients">The plan's PostgreSQL clients: which read from the replicas.</param>
public sealed record RegionComputeArgs(
    ComputePlan Plan,
    string Region,
    int LogRetentionDays,
    RegionNetwork Network,
    RegionIngress Ingress,
    ImmutableDictionary<string, Output<string>> Secrets,
    AccessTargets Access,
    ImmutableSortedDictionary<string, string> Tags,
    Data.DatabaseEndpoints? Database = null,
    ImmutableArray<Plan.Data.DatabaseClientPlan> DatabaseClients = default);
