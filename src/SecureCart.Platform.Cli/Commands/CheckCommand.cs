using System.CommandLine;
using SecureCart.Platform.Plan.Parity;

namespace SecureCart.Platform.Cli.Commands;

/// <summary>
/// <c>securecart check</c>: validates every stack file and compares the plans of all stacks; anything that
/// differs beyond the declared per-stack settings is a finding.
/// </summary>
internal static class CheckCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
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
            switch (PlanComparer.Compare(configuration))
            {
                case ParityResult.Identical identical:
                    output.WriteLine($"Plans identical apart from per-stack settings ({string.Join(", ", PlanNormalizer.PerStackKeys.Keys.Order(StringComparer.Ordinal))}); fingerprint {identical.Fingerprint}");
                    return ExitCodes.Ok;
                case ParityResult.Drifted drifted:
                    output.WriteLine($"{drifted.Differences.Count} difference(s) that are not declared per-stack settings:");
                    foreach (var d in drifted.Differences)
                    {
                        output.WriteLine($"  {d.Stack} vs {d.ReferenceStack}: {d.Path}: {d.Value} (home stack has {d.ReferenceValue})");
                    }

                    return ExitCodes.Findings;
                default:
                    throw new InvalidOperationException("unreachable");
            }
        });
        return command;
    }
}
