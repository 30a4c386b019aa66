using System.CommandLine;
using SecureCart.Platform.Plan;
using SecureCart.Platform.Plan.Configuration;
using SecureCart.Platform.Review;
using SecureCart.Platform.Review.Export;
using SecureCart.Platform.Review.Plans;
using SecureCart.Platform.Review.Preview;
using SecureCart.Platform.Review.Reports;
using SecureCart.Platform.Review.Risk;

namespace SecureCart.Platform.Cli.Commands;

/// <summary><c>securecart review prod-us.json prod-eu.json</c>: what a change does, and what is risky in it.</summary>
internal static class ReviewCommand
{
    public static Command Create(TextWriter output, TextWriter error, TimeProvider? time = null)
    {
        var clock = time ?? TimeProvider.System;
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
        var plan = new Option<FileInfo?>("--plan")
        {
            Description = "The `pulumi preview --save-plan` file: prove that `pulumi up --plan` applies exactly the reviewed steps (exit 1 if not)",
        };
        var region = new Option<string?>("--region") { Description = "Region to price the cost delta in (default: the preview's aws:region)" };
        var format = ReportOptions.Format();
        var file = ReportOptions.Output();
        var failOn = ReportOptions.FailOn();
        var project = CommonOptions.Project();
        var command = new Command("review", "Review `pulumi preview --json` output: changes, risk findings, cost delta and a digest to approve")
        {
            previews, state, plan, region, format, file, failOn, project,
        };
        command.SetAction(parse =>
        {
            var results = new List<ReviewResult>();
            // Loading and planning the project overlaps the reading of the first steps.
            var projectDirectory = parse.GetValue(project);
            var policy = Task.Run(() => Policy(projectDirectory));

            // A JSON report streams its changes to a file beside it as they are built, so memory stays flat
            // whatever the size of the change; the other formats order and cut the changes, so they keep them.
            var spill = parse.GetValue(format) == ReportFormat.Json
                ? parse.GetValue(file)?.Directory is { Exists: true } directory ? directory.FullName : Path.GetTempPath()
                : null;
            try
            {
                var states = (parse.GetValue(state) ?? []).Select(f => StackState.Read(f.FullName)).ToList();
                var saved = parse.GetValue(plan) is { } planFile ? PlanReader.ReadFile(planFile.FullName) : null;
                foreach (var preview in parse.GetValue(previews)!)
                {
                    var reviewer = new ChangeReviewer(new SecureCart.Platform.Review.ReviewOptions
                    {
                        Region = parse.GetValue(region),
                        State = Match(states, preview.FullName),
                        PendingPolicy = policy,
                        Plan = saved,
                        SpillDirectory = spill,
                    });
                    results.Add(reviewer.ReviewFile(preview.FullName));
                }
            }
            catch (Exception ex) when (ex is PreviewFormatException or IOException or UnauthorizedAccessException)
            {
                Release(results);
                error.WriteLine($"securecart review: cannot read input: {OneLine(ex.Message)}");
                return ExitCodes.BadInput;
            }

            try
            {
                Write(results, parse.GetValue(format), parse.GetValue(file), output, clock.GetUtcNow());
            }
            finally
            {
                Release(results);
            }

            var threshold = ReportOptions.Threshold(parse.GetValue(failOn)!);

            // A failed preview and a plan that is not the reviewed change are never a pass, whatever --fail-on says.
            if (results.Any(r => r.Failed || r.PlanMatches == false))
            {
                return ExitCodes.Findings;
            }

            return threshold is { } t && results.Any(r => r.Findings.Any(f => f.Severity >= t)) ? ExitCodes.Findings : ExitCodes.Ok;
        });
        return command;
    }

    // A pull-request comment must fit GitHub's limit: with --output, the comment is cut to fit and the whole
    // report is written beside it as NAME.full.md.
    private static void Write(List<ReviewResult> results, ReportFormat format, FileInfo? file, TextWriter output, DateTimeOffset now)
    {
        if (format != ReportFormat.Markdown || file is null)
        {
            ReportOptions.Emit(file, output, w => ReportWriter.Write(results, format, w, now));
            return;
        }

        var full = Path.ChangeExtension(file.FullName, null) + ".full.md";
        var complete = true;
        ReportOptions.Emit(file, output, w => complete = MarkdownReport.Write(results, w, MarkdownReport.CommentLimit, Path.GetFileName(full)));
        if (!complete)
        {
            ReportOptions.Emit(new FileInfo(full), output, w => MarkdownReport.Write(results, w));
        }
        else if (File.Exists(full))
        {
            File.Delete(full);
        }
    }

    private static void Release(List<ReviewResult> results) => results.ForEach(r => r.Spilled?.Dispose());

    private static string OneLine(string message) => message.ReplaceLineEndings(" ");

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
