using SecureCart.Platform.Plan;
using SecureCart.Platform.Plan.Configuration;

namespace SecureCart.Platform.Infra;

/// <summary>
/// Loads the project folder's stack files exactly as <c>securecart check</c> does, so validation and the
/// cross-stack rules are the same, and plans the current stack. A rejected configuration throws before any
/// resource exists, listing every fault.
/// </summary>
public sealed record StackPlan(ProjectConfiguration Project, StackSettings Settings, RegionalPlan Plan)
{
    public static StackPlan Load(string directory, string stackName)
    {
        switch (ProjectLoader.Load(directory))
        {
            case ProjectLoadResult.Loaded { Project: var project }:
                StackSettings settings = project.Stacks.FirstOrDefault(s => s.StackName == stackName)
                    ?? throw new InvalidOperationException($"No Pulumi.{stackName}.yaml in {directory}; stacks there: {string.Join(", ", project.Stacks.Select(s => s.StackName))}.");
                return new StackPlan(project, settings, RegionalPlanner.Plan(settings, project.Stacks));
            case ProjectLoadResult.Rejected { Faults: var faults }:
                throw new InvalidOperationException(
                    $"The configuration in {directory} has {faults.Count} problem(s); nothing was created:{Environment.NewLine}"
                    + string.Join(Environment.NewLine, faults.Select(f => $"  {f}")));
            default:
                throw new InvalidOperationException("unreachable");
        }
    }
}
