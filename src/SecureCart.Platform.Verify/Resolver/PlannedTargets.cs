using System.Collections.Immutable;
using SecureCart.Platform.Plan.Edge;

namespace SecureCart.Platform.Verify.Resolver;

/// <summary>
/// The deployed DNS names of the planned targets (the distribution's <c>d….cloudfront.net</c>, the accelerator's
/// <c>a….awsglobalaccelerator.com</c>, a Region's API Gateway domain), from the stacks' outputs. With them the
/// verifier compares addresses; without them it relies on CNAME chains and reverse DNS.
/// </summary>
public sealed record PlannedTargets(ImmutableDictionary<string, string> Names)
{
    public static PlannedTargets None { get; } = new(ImmutableDictionary<string, string>.Empty);

    /// <summary>Parses <c>cloudfront=NAME</c>, <c>accelerator=NAME</c> or <c>apigateway:REGION=NAME</c>.</summary>
    public static PlannedTargets Parse(IEnumerable<string> specs)
    {
        ArgumentNullException.ThrowIfNull(specs);
        var names = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var spec in specs)
        {
            var equals = spec.IndexOf('=', StringComparison.Ordinal);
            var key = equals > 0 ? spec[..equals].Trim().ToLowerInvariant() : "";
            var kind = key.Split(':')[0];
            if (equals <= 0 || equals == spec.Length - 1 || !Enum.TryParse<DnsTarget>(kind, ignoreCase: true, out var target) || (target == DnsTarget.ApiGateway) != key.Contains(':', StringComparison.Ordinal))
            {
                throw new FormatException($"target '{spec}' must be cloudfront=NAME, accelerator=NAME or apigateway:REGION=NAME (NAME from the stack outputs)");
            }

            names[key] = DnsNames.Normalize(spec[(equals + 1)..].Trim());
        }

        return new PlannedTargets(names.ToImmutable());
    }

    public string? For(DnsTarget target, string? region) =>
        Names.GetValueOrDefault(target == DnsTarget.ApiGateway ? $"apigateway:{region}" : target.ToString().ToLowerInvariant());
}
