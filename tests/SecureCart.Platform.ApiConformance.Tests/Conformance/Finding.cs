namespace SecureCart.Platform.ApiConformance.Tests.Conformance;

/// <summary>One thing the program uses that the declarations do not have, or that the walk cannot decide.</summary>
internal sealed record Finding(FindingKind Kind, string Path, int Line, string Message)
{
    public override string ToString() => $"{Path}:{Line}: {Kind}: {Message}";
}
