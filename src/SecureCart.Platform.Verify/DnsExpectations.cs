using System.Collections.Immutable;
using SecureCart.Platform.Plan;
using SecureCart.Platform.Plan.Configuration;
using SecureCart.Platform.Plan.Edge;

namespace SecureCart.Platform.Verify;

/// <summary>
/// The public names a stack is answerable for: the global names the home stack owns (apex and www to CloudFront,
/// api to the accelerator), which every region relies on, and the stack's own latency record for its API Gateway.
/// </summary>
public sealed record DnsExpectations(string Stack, string HostedZone, ImmutableArray<ExpectedRecord> Records)
{
    public static DnsExpectations For(ProjectConfiguration project, string stackName)
    {
        ArgumentNullException.ThrowIfNull(project);
        var stack = project.Stack(stackName);
        var plan = RegionalPlanner.Plan(stack, project.Stacks);
        var home = plan.IsHome ? plan : RegionalPlanner.Plan(project.Home, project.Stacks);
        var edge = home.Edge ?? throw new InvalidOperationException($"The home stack {home.Stack} has no edge plan.");
        var records = edge.Records.Select(r => From(r, region: null)).Append(From(plan.ApiRecord, plan.Region));
        return new DnsExpectations(stack.StackName, edge.HostedZone, [.. records]);
    }

    private static ExpectedRecord From(DnsRecordPlan record, string? region) =>
        new(DnsNames.Normalize(record.Name), record.Type, record.Target, record.SetIdentifier, record.SetIdentifier is null ? null : region, record.OwnerStack);
}
