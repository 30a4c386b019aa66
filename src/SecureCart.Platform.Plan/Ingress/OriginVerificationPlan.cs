using System.Collections.Immutable;

namespace SecureCart.Platform.Plan.Ingress;

/// <summary>
/// The secret header that proves a request came through CloudFront (or the API Gateway), the CloudFront guide's
/// way to restrict an Application Load Balancer to CloudFront: CloudFront adds a custom header, and the ALB forwards
/// only requests that carry it. The security group already limits the ALB to CloudFront's addresses; the header
/// stops someone else's distribution. The home stack generates the value once into Secrets Manager and exports it;
/// every stack's listener rules require it.
/// </summary>
/// <param name="SecretName">Secrets Manager name of the value (home stack).</param>
/// <param name="OwnerStack">The stack that creates the secret.</param>
public sealed record OriginVerificationPlan(string HeaderName, string SecretName, string OwnerStack, bool OwnedHere)
{
    /// <summary>Logical name of the secret in the owner stack.</summary>
    public const string LogicalName = "origin-verify";

    /// <summary>The secret and its stored value in the owner stack; nothing elsewhere.</summary>
    public ImmutableArray<string> LogicalNames => OwnedHere ? [LogicalName, $"{LogicalName}-value"] : [];

    /// <summary>Stack output (secret) other stacks read the value from.</summary>
    public const string OutputName = "originVerifyValue";
}
