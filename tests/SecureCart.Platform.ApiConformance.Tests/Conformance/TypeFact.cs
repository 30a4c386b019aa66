namespace SecureCart.Platform.ApiConformance.Tests.Conformance;

/// <summary>What the walk knows about an expression's type: a provider type, possibly inside `Output&lt;T&gt;`.</summary>
internal sealed record TypeFact(ApiType Api, bool InOutput);
