using System.Collections.Immutable;
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
    EdgePlan? Edge)
{
    /// <summary>
    /// Logical names of the resources only the home stack has. These, and the declared per-stack settings,
    /// are the only asymmetry between regional stacks; the parity checks allow nothing else.
    /// </summary>
    public static ImmutableArray<string> HomeOnlyLogicalNames { get; } =
    [
        "edge", "accelerator", "accelerator-listener", "static-bucket", "static-bucket-policy", "static-bucket-public-access",
        "static-oac", "cloudfront", "cloudfront-certificate", "cloudfront-certificate-validation",
        "cloudfront-certificate-validation-1", "cloudfront-certificate-validation-2", // one record per alias: apex and www
        "waf", "waf-logs", "waf-logging", "dns-apex-a", "dns-apex-aaaa", "dns-www-a", "dns-www-aaaa", "dns-api",
        // The origin header's secret, and the validation records of names every stack certifies (one owner each).
        "origin-verify", "origin-verify-value", "alb-certificate-validation-2", "api-certificate-validation-1",
    ];
}
