using SecureCart.Platform.Plan;
using SecureCart.Platform.Plan.Configuration;

namespace SecureCart.Platform.Infra;

/// <summary>
/// Loads the project folder's stack files exactly as <c>securecart check</c> does (<see cref="StackSelection"/>), so
/// validation and the cross-stack rules are the same, and plans the current stack. A rejected configuration throws
/// before any resource exists, listing every fault.
/// </summary>
public sealed record StackPlan(ProjectConfiguration Project, StackSettings Settings, RegionalPlan Plan)
{
    public static StackPlan Load(string directory, string stackName) => StackSelection.Select(directory, stackName) switch
    {
        StackSelection.Selected { Project: var project, Settings: var settings } => new StackPlan(project, settings, RegionalPlanner.Plan(settings, project.Stacks)),
        StackSelection.Failed failed => throw new InvalidOperationException($"{failed.Message}{Environment.NewLine}Nothing was created."),
        _ => throw new InvalidOperationException("unreachable"),
    };
}
