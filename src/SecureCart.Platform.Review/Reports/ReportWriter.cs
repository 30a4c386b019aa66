using System.Text;
using SecureCart.Platform.Review.Parity;

namespace SecureCart.Platform.Review.Reports;

/// <summary>Writes a review or parity report in the chosen format.</summary>
public static class ReportWriter
{
    /// <param name="generatedAt">When the review ran, for the HTML report's header (null leaves it out).</param>
    public static void Write(IReadOnlyList<ReviewResult> results, ReportFormat format, TextWriter output, DateTimeOffset? generatedAt = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(results);
        if (format != ReportFormat.Json && results.Any(r => r.Spilled is not null))
        {
            throw new ArgumentException("a review whose changes were spilled to a file can only be written as JSON", nameof(results));
        }

        switch (format)
        {
            case ReportFormat.Text:
                TextReport.Write(results, output);
                break;
            case ReportFormat.Markdown:
                MarkdownReport.Write(results, output);
                break;
            case ReportFormat.Html:
                HtmlReport.Write(results, output, generatedAt);
                break;
            case ReportFormat.Json:
                Utf8(output, stream => JsonReport.Write(results, stream));
                break;
            case ReportFormat.Sarif:
                Utf8(output, stream => SarifReport.Write(results, stream));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(format), format, null);
        }
    }

    public static void Write(ParityReport report, string leftSource, ReportFormat format, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        switch (format)
        {
            case ReportFormat.Text:
                TextReport.Write(report, output);
                break;
            case ReportFormat.Markdown:
                MarkdownReport.Write(report, output);
                break;
            case ReportFormat.Html:
                HtmlReport.Write(report, output);
                break;
            case ReportFormat.Json:
                Utf8(output, stream => JsonReport.Write(report, stream));
                break;
            case ReportFormat.Sarif:
                Utf8(output, stream => SarifReport.Write(report, leftSource, stream));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(format), format, null);
        }
    }

    // JSON and SARIF are written as UTF-8 bytes. A file opened as UTF-8 takes them as they are, straight to its
    // stream; any other writer gets them decoded a chunk at a time. Neither keeps the whole report in memory.
    private static void Utf8(TextWriter output, Action<Stream> write)
    {
        if (output is StreamWriter { Encoding: UTF8Encoding encoding, BaseStream: { CanWrite: true } file }
            && encoding.GetPreamble().Length == 0)
        {
            output.Flush();
            write(file);
            file.Flush();
        }
        else
        {
            using var stream = new TextWriterStream(output);
            write(stream);
        }

        output.WriteLine();
    }
}
