namespace SecureCart.Platform.Plan.Configuration;

/// <summary>
/// "Load the project, pick the stack, say what is wrong": the first step of <c>securecart</c>, of the Pulumi
/// program and of the Route 53 verifier, written once so each reports the same faults in the same words.
/// </summary>
public abstract record StackSelection
{
    private StackSelection()
    {
    }

    public sealed record Selected(ProjectConfiguration Project, StackSettings Settings) : StackSelection;

    /// <param name="Lines">What went wrong, one line each: a heading, then every fault with its file, line and fix.</param>
    public sealed record Failed(IReadOnlyList<string> Lines) : StackSelection
    {
        public string Message => string.Join(Environment.NewLine, Lines);
    }

    public static StackSelection Select(string directory, string stackName)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        ArgumentNullException.ThrowIfNull(stackName);
        return ProjectLoader.Load(directory) switch
        {
            ProjectLoadResult.Loaded { Project: var project } => Pick(project, stackName),
            ProjectLoadResult.Rejected { Faults: var faults } => Describe(directory, faults),
            _ => throw new InvalidOperationException("unreachable"),
        };
    }

    /// <summary>The stack by name from a loaded project, or why not.</summary>
    public static StackSelection Pick(ProjectConfiguration project, string stackName)
    {
        ArgumentNullException.ThrowIfNull(project);
        return project.Stacks.FirstOrDefault(s => s.StackName == stackName) is { } settings
            ? new Selected(project, settings)
            : new Failed([$"No stack '{stackName}': there is no Pulumi.{stackName}.yaml in {project.Directory}. Stacks: {string.Join(", ", project.Stacks.Select(s => s.StackName))}."]);
    }

    /// <summary>A rejected configuration as lines: how many problems, then each one indented.</summary>
    public static Failed Describe(string directory, IReadOnlyList<ConfigFault> faults)
    {
        ArgumentNullException.ThrowIfNull(faults);
        return new Failed([$"The configuration in {directory} has {faults.Count} problem(s):", .. faults.Select(f => $"  {f}")]);
    }
}
