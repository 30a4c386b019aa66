using SecureCart.Platform.Plan.Configuration;

namespace SecureCart.Platform.Plan.Tests;

/// <summary>Plans from the shipped stack files, optionally with one stack's settings changed.</summary>
internal static class PlanFixtures
{
    private static readonly Lazy<ProjectConfiguration> s_shipped = new(() => ProjectLoader.Load(TestProject.RepositoryRoot) switch
    {
        ProjectLoadResult.Loaded loaded => loaded.Project,
        ProjectLoadResult.Rejected rejected => throw new InvalidOperationException(string.Join(Environment.NewLine, rejected.Faults)),
        _ => throw new InvalidOperationException(),
    });

    public static ProjectConfiguration Shipped => s_shipped.Value;

    public static StackSettings Settings(string stack) => Shipped.Stack(stack);

    public static RegionalPlan Plan(string stack, Func<StackSettings, StackSettings>? change = null)
    {
        var stacks = Shipped.Stacks.Select(s => s.StackName == stack && change is not null ? change(s) : s).ToList();
        return RegionalPlanner.Plan(stacks.Single(s => s.StackName == stack), stacks);
    }
}
