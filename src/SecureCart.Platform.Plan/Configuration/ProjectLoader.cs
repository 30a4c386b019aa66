namespace SecureCart.Platform.Plan.Configuration;

/// <summary>
/// Loads Pulumi.yaml and every Pulumi.&lt;stack&gt;.yaml beside it, validates each stack and the rules that
/// span stacks, and reports every fault at once.
/// </summary>
public static class ProjectLoader
{
    public static ProjectLoadResult Load(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        var faults = new List<ConfigFault>();
        var project = ProjectFile.Load(directory, faults);
        if (project is null)
        {
            return new ProjectLoadResult.Rejected(faults);
        }

        var stackPaths = StackFile.Discover(directory);
        if (stackPaths.Count == 0)
        {
            faults.Add(new ConfigFault(ProjectFile.FileName, "", 0, $"no Pulumi.<stack>.yaml files beside it in {directory}; add one per regional stack"));
        }

        var stacks = new List<(StackFile File, StackSettings Settings)>();
        foreach (var path in stackPaths)
        {
            var file = StackFile.Load(path, faults);
            var settings = file is null ? null : StackValidator.Validate(project, file, faults);
            if (settings is not null)
            {
                stacks.Add((file!, settings));
            }
        }

        // Cross-stack rules run over the stacks that validated, so one bad file does not hide an overlap elsewhere.
        ProjectRules.Check(stacks, everyStackValid: stacks.Count == stackPaths.Count, faults);

        return faults.Count == 0
            ? new ProjectLoadResult.Loaded(new ProjectConfiguration(directory, [.. stacks.Select(s => s.Settings)]))
            : new ProjectLoadResult.Rejected(faults);
    }
}
