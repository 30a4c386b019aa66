using System.Collections.Immutable;
using SecureCart.Platform.Plan.Compute;
using SecureCart.Platform.Plan.Network;

namespace SecureCart.Platform.Plan.Workflow;

/// <summary>A Lambda function of the fulfilment workflow; X-Ray tracing is always active.</summary>
/// <param name="PackageBucket">S3 bucket of the region's function packages.</param>
/// <param name="PackageKey">S3 key of this release's package: changes with every release, so the code updates.</param>
/// <param name="Access">Least privilege: exactly what its step needs, besides writing its logs and traces.</param>
public sealed record LambdaPlan(
    string LogicalName,
    string Name,
    string Runtime,
    string Handler,
    string Architecture,
    int MemoryMb,
    int TimeoutSeconds,
    string TracingMode,
    string PackageBucket,
    string PackageKey,
    ImmutableArray<ServiceAccess> Access)
{
    /// <summary>
    /// A function that reaches PostgreSQL or Redis runs in the private subnets with the functions group and its own
    /// data-client group; the others stay outside the VPC (they call only AWS APIs, and a VPC adds ENIs and cold-start
    /// work for nothing).
    /// </summary>
    public bool InVpc => DataTier.Reaches(Access);

    /// <summary>
    /// Its configuration: per IAM grant, one environment variable naming the resource (the program sets the deployed
    /// ARN), so the code never guesses a name: <c>SECURECART_QUEUESEND_INVENTORY_EVENTS</c>.
    /// </summary>
    public ImmutableArray<(string Variable, ServiceAccess Grant)> Environment =>
        [.. Access.Where(a => !a.IsNetwork).Select(a => (Variable(a), a))];

    /// <summary>The environment variable that carries a grant's resource.</summary>
    public static string Variable(ServiceAccess grant)
    {
        ArgumentNullException.ThrowIfNull(grant);
        return $"SECURECART_{grant.Kind.ToString().ToUpperInvariant()}_{grant.Resource.Replace('-', '_').ToUpperInvariant()}";
    }

    /// <summary>The alias the state machine invokes: each release publishes a version and moves the alias to it.</summary>
    public const string LiveAlias = "live";

    /// <summary>Publish a numbered version with every code or configuration change (an alias can only point at a version).</summary>
    public bool Publish { get; init; } = true;

    /// <summary>The alias callers invoke; a rollback moves it back to the previous version without a redeploy of the workflow.</summary>
    public string AliasName { get; init; } = LiveAlias;

    /// <summary>The security groups of its VPC configuration, by tier; empty outside the VPC.</summary>
    public ImmutableArray<string> SecurityTiers => InVpc ? [DataTier.Functions, DataTier.ClientTier(LogicalName)] : [];
}
