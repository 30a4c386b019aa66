namespace SecureCart.Platform.ApiConformance.Tests.Conformance;

/// <summary>One row of Overrides/property-renames.tsv.</summary>
internal sealed record PropertyRename(string Package, string Module, string Class, string CSharpName, string WireName, string Reason, int Line);
