using System.Collections.Immutable;
using SecureCart.Platform.Plan.Compute;

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
    ImmutableArray<ServiceAccess> Access);
