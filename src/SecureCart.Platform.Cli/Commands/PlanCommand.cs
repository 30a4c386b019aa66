using System.CommandLine;
using System.Text.Json;
using SecureCart.Platform.Cli.Rendering;
using SecureCart.Platform.Plan;
using SecureCart.Platform.Plan.Parity;

namespace SecureCart.Platform.Cli.Commands;

/// <summary><c>securecart plan --stack prod-us</c>: what the stack will contain.</summary>
internal static class PlanCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var stack = CommonOptions.Stack();
        var project = CommonOptions.Project();
        var json = CommonOptions.Json();
        var command = new Command("plan", "Show everything a regional stack contains: network, compute, data, messaging, edge, tags") { stack, project, json };
        command.SetAction(parse =>
        {
            if (ProjectLocator.LoadStack(parse.GetValue(project), parse.GetValue(stack)!, error) is not { Project: var configuration, Settings: var settings })
            {
                return ExitCodes.BadInput;
            }

            var plan = RegionalPlanner.Plan(settings, configuration.Stacks);
            if (parse.GetValue(json))
            {
                output.WriteLine(JsonSerializer.Serialize(plan, PlanNormalizer.JsonOptions));
            }
            else
            {
                PlanRenderer.Render(Consoles.For(output), plan, PlanComparer.Fingerprint(settings));
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
