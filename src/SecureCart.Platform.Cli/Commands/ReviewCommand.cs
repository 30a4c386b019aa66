using System.CommandLine;
using SecureCart.Platform.Plan;
using SecureCart.Platform.Plan.Configuration;
using SecureCart.Platform.Review;
using SecureCart.Platform.Review.Export;
using SecureCart.Platform.Review.Preview;
using SecureCart.Platform.Review.Reports;
using SecureCart.Platform.Review.Risk;

namespace SecureCart.Platform.Cli.Commands;

/// <summary><c>securecart review prod-us.json prod-eu.json</c>: what a change does, and what is risky in it.</summary>
internal static class ReviewCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var previews = new Argument<FileInfo[]>("previews")
        {
            Description = "Output of `pulumi preview --json` (or an engine event log, or `pulumi stack export`), one file per stack",
            Arity = ArgumentArity.OneOrMore,
        };
        var state = new Option<FileInfo[]>("--state")
        {
            Description = "`pulumi stack export` of a stack being reviewed: adds the blast radius (dependents) to findings",
            AllowMultipleArgumentsPerToken = true,
        };
        var region = new Option<string?>("--region") { Description = "Region to price the cost delta in (default: the preview's aws:region)" };
        var format = ReportOptions.Format();
        var file = ReportOptions.Output();
        var failOn = ReportOptions.FailOn();
        var project = CommonOptions.Project();
        var command = new Command("review", "Review `pulumi preview --json` output: changes, risk findings, cost delta and a digest to approve")
        {
            previews, state, region, format, file, failOn, project,
        };
        command.SetAction(parse =>
        {
            var results = new List<ReviewResult>();
            var policy = Policy(parse.GetValue(project));
            try
            {
                var states = (parse.GetValue(state) ?? []).Select(f => StackState.Read(f.FullName)).ToList();
                foreach (var preview in parse.GetValue(previews)!)
                {
                    var reviewer = new ChangeReviewer(new SecureCart.Platform.Review.ReviewOptions
                    {
                        Region = parse.GetValue(region),
                        State = Match(states, preview.FullName),
                        Policy = policy,
                    });
                    results.Add(reviewer.ReviewFile(preview.FullName));
                }
            }
            catch (Exception ex) when (ex is PreviewFormatException or IOException or UnauthorizedAccessException)
            {
                error.WriteLine($"securecart review: cannot read input: {ex.Message}");
                return ExitCodes.BadInput;
            }

            ReportOptions.Emit(parse.GetValue(file), output, w => ReportWriter.Write(results, parse.GetValue(format), w));
            var threshold = ReportOptions.Threshold(parse.GetValue(failOn)!);
            return threshold is { } t && results.Any(r => r.Findings.Any(f => f.Severity >= t)) ? ExitCodes.Findings : ExitCodes.Ok;
        });
        return command;
    }

    // The production floor comes from the plan when the project is at hand; otherwise the policy's default.
    private static ReviewPolicy Policy(string? projectDirectory)
    {
        var directory = ProjectLocator.Find(projectDirectory);
        if (directory is null || ProjectLoader.Load(directory) is not ProjectLoadResult.Loaded { Project: var configuration })
        {
            return new ReviewPolicy();
        }

        var home = RegionalPlanner.Plan(configuration.Home, configuration.Stacks);
        return new ReviewPolicy { ProductionCapacityFloor = home.Compute.MinimumTaskFloor };
    }

    // An export belongs to the preview of the same stack; with one of each, they go together.
    private static StackState? Match(List<StackState> states, string preview)
    {
        if (states.Count == 1)
        {
            return states[0];
        }

        var stack = Path.GetFileNameWithoutExtension(preview);
        return states.FirstOrDefault(s => s.StackName is { } name && stack.Contains(name, StringComparison.Ordinal));
    }
}
