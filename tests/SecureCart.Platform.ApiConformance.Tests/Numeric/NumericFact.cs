namespace SecureCart.Platform.ApiConformance.Tests.Numeric;

/// <summary>One line of Overrides/numeric-types.tsv: the C# SDK's numeric type of one input property.</summary>
/// <param name="Shape">The TypeScript interface the property belongs to (ServiceArgs, ServiceCapacityProviderStrategy…).</param>
/// <param name="Property">The property's wire (TypeScript) name.</param>
/// <param name="Source">Where the fact was read: repository path and commit.</param>
internal sealed record NumericFact(string Package, string Module, string Shape, string Property, NumericKind Kind, string Source, int Line);
