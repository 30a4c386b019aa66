using System.Security.Cryptography;
using System.Text;

namespace SecureCart.Platform.Plan.Naming;

/// <summary>
/// Physical AWS names for one stack: <c>securecart-&lt;stack&gt;-&lt;part&gt;</c>, shortened with a stable hash
/// where AWS limits the length (ALB and target group names: 32 characters).
/// </summary>
public sealed record ResourceNames(string Project, string Stack)
{
    public const int LoadBalancerNameLimit = 32;

    public string Prefix => $"{Project}-{Stack}";

    public string Physical(string part, int maxLength = 63)
    {
        ArgumentException.ThrowIfNullOrEmpty(part);
        var name = $"{Prefix}-{part}";
        if (name.Length <= maxLength)
        {
            return name;
        }

        // Keep the readable start and make the cut unique: two long parts must not collide once shortened.
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name)))[..6];
        return $"{name[..(maxLength - 7)].TrimEnd('-')}-{hash}";
    }
}
