using System.CommandLine;
using SecureCart.Platform.Review.Reports;
using SecureCart.Platform.Review.Risk;

namespace SecureCart.Platform.Cli.Commands;

/// <summary>Options the review and parity commands share.</summary>
internal static class ReportOptions
{
    public static Option<ReportFormat> Format() => new("--format", "-f")
    {
        Description = "text, markdown (pull-request comment), html (self-contained), json or sarif (2.1.0)",
        DefaultValueFactory = _ => ReportFormat.Text,
    };

    public static Option<FileInfo?> Output() => new("--output", "-o")
    {
        Description = "Write the report to this file instead of the terminal",
    };

    public static Option<string> FailOn() => new Option<string>("--fail-on")
    {
        Description = "Exit 1 when a finding is at or above this severity: critical, high, medium, low, note, or none",
        DefaultValueFactory = _ => "high",
    }.AcceptOnlyFromAmong("critical", "high", "medium", "low", "note", "none");

    public static Severity? Threshold(string value) =>
        value == "none" ? null : Enum.Parse<Severity>(value, ignoreCase: true);

    /// <summary>Writes to --output (UTF-8, no BOM) or to the command's output.</summary>
    public static void Emit(FileInfo? file, TextWriter output, Action<TextWriter> write)
    {
        if (file is null)
        {
            write(output);
            return;
        }

        using (var writer = new StreamWriter(file.FullName, append: false, new System.Text.UTF8Encoding(false)))
        {
            write(writer);
        }

        output.WriteLine($"wrote {file.FullName}");
    }
}
