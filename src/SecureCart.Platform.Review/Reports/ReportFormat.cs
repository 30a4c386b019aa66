namespace SecureCart.Platform.Review.Reports;

/// <summary>`--format`: terminal text, pull-request Markdown, self-contained HTML, JSON, SARIF 2.1.0.</summary>
public enum ReportFormat
{
    Text,
    Markdown,
    Html,
    Json,
    Sarif,
}
