using System.CommandLine;
using SecureCart.Platform.Plan.Configuration;
using SecureCart.Platform.Review.Export;
using SecureCart.Platform.Review.Parity;
using SecureCart.Platform.Review.Preview;
using SecureCart.Platform.Review.Reports;

namespace SecureCart.Platform.Cli.Commands;

/// <summary><c>securecart parity prod-us.json prod-eu.json</c>: are the regions really the same?</summary>
internal static class ParityCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var left = new Argument<FileInfo>("left") { Description = "`pulumi stack export` of the first stack (e.g. prod-us)" };
        var right = new Argument<FileInfo>("right") { Description = "`pulumi stack export` of the second stack (e.g. prod-eu)" };
        var project = CommonOptions.Project();
        var format = ReportOptions.Format();
        var file = ReportOptions.Output();
        var command = new Command("parity", "Compare two stack exports resource by resource; only the plan's declared asymmetry is allowed")
        {
            left, right, project, format, file,
        };
        command.SetAction(parse =>
        {
            ParityReport report;
            try
            {
                var a = StackState.Read(parse.GetValue(left)!.FullName);
                var b = StackState.Read(parse.GetValue(right)!.FullName);
                report = new ParityChecker(ParityAllowances.FromPlan(LoadProject(parse.GetValue(project)))).Compare(a, b);
            }
            catch (Exception ex) when (ex is PreviewFormatException or IOException or UnauthorizedAccessException)
            {
                error.WriteLine($"securecart parity: cannot read input: {ex.Message}");
                return ExitCodes.BadInput;
            }

            ReportOptions.Emit(parse.GetValue(file), output, w => ReportWriter.Write(report, parse.GetValue(left)!.FullName, parse.GetValue(format), w));
            return report.Identical ? ExitCodes.Ok : ExitCodes.Findings;
        });
        return command;
    }

    // The project supplies the home stack and VPC ranges; without one, the plan's home-only names still apply.
    private static ProjectConfiguration? LoadProject(string? directory) =>
        ProjectLocator.Find(directory) is { } found && ProjectLoader.Load(found) is ProjectLoadResult.Loaded loaded ? loaded.Project : null;
}
