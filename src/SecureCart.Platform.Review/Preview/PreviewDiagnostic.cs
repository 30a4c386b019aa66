namespace SecureCart.Platform.Review.Preview;

/// <summary>A warning or error the engine emitted during the preview (`diagnostics[]` or `diagnosticEvent`).</summary>
public sealed record PreviewDiagnostic(string? Urn, string Severity, string Message)
{
    public bool IsError => Severity.StartsWith("error", StringComparison.OrdinalIgnoreCase);
}
