using System.Collections.Immutable;

namespace SecureCart.Previews.Planning;

/// <param name="Resources">What the environment would own, as "type name" lines, for the plan-only engine's events.</param>
public sealed record PreviewEstimate(
    string Size,
    string StackName,
    string Url,
    decimal CostPerHour,
    decimal CostPerMonth,
    ImmutableArray<string> Resources);
