namespace SecureCart.Platform.ApiConformance.Tests.Conformance;

/// <summary>C# text to check and the path findings name.</summary>
internal sealed record SourceFile(string Path, string Text);
