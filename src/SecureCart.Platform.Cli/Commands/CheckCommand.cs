using System.CommandLine;
using SecureCart.Platform.Plan;
using SecureCart.Platform.Plan.Constraints;
using SecureCart.Platform.Plan.Parity;

namespace SecureCart.Platform.Cli.Commands;

/// <summary>
/// <c>securecart check</c>: validates every stack file, compares the plans of all stacks (anything that differs
/// beyond the declared per-stack settings is a finding) and runs the AWS constraint rules over every plan, printing
/// each rule with the documentation sentence it encodes.
/// </summary>
internal static class CheckCommand
{
    public static Command Create(TextWriter output, TextWriter error, TimeProvider? time = null)
    {
        time ??= TimeProvider.System;
        var project = CommonOptions.Project();
        var command = new Command("check", "Validate every Pulumi.<stack>.yaml and check that the stacks plan the same thing") { project };
        command.SetAction(parse =>
        {
            var configuration = ProjectLocator.Load(parse.GetValue(project), error);
            if (configuration is null)
            {
                return ExitCodes.BadInput;
            }

            output.WriteLine($"{configuration.Stacks.Count} stack(s) valid: {string.Join(", ", configuration.Stacks.Select(s => $"{s.StackName} ({s.Region}{(s.IsHome ? ", home" : "")})"))}");
            var parityFindings = false;
            switch (PlanComparer.Compare(configuration))
            {
                case ParityResult.Identical identical:
                    output.WriteLine($"Plans identical apart from per-stack settings ({string.Join(", ", PlanNormalizer.PerStackKeys.Keys.Order(StringComparer.Ordinal))}); fingerprint {identical.Fingerprint}");
                    break;
                case ParityResult.Drifted drifted:
                    output.WriteLine($"{drifted.Differences.Count} difference(s) that are not declared per-stack settings:");
                    foreach (var d in drifted.Differences)
                    {
                        output.WriteLine($"  {d.Stack} vs {d.ReferenceStack}: {d.Path}: {d.Value} (home stack has {d.ReferenceValue})");
                    }

                    parityFindings = true;
                    break;
                default:
                    throw new InvalidOperationException("unreachable");
            }

            var plans = configuration.Stacks.Select(s => RegionalPlanner.Plan(s, configuration.Stacks)).ToList();
            var results = AwsConstraints.Check(new ConstraintContext(plans, time.GetUtcNow()));
            output.WriteLine($"AWS constraints: {results.Count(r => r.Passed)} of {results.Length} rules kept");
            foreach (var result in results)
            {
                output.WriteLine($"  [{(result.Passed ? "ok" : "BROKEN")}] {result.Rule.Id}: {result.Rule.Requirement}");
                output.WriteLine($"        \"{result.Rule.Citation.Sentence}\" ({result.Rule.Citation.Url})");
                foreach (var violation in result.Violations)
                {
                    output.WriteLine($"        - {violation}");
                }
            }

            return parityFindings || results.Any(r => !r.Passed) ? ExitCodes.Findings : ExitCodes.Ok;
        });
        return command;
    }
}
