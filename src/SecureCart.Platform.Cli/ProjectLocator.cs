using System.Diagnostics.CodeAnalysis;
using SecureCart.Platform.Plan.Configuration;

namespace SecureCart.Platform.Cli;

/// <summary>Finds the Pulumi project folder the commands work on.</summary>
internal static class ProjectLocator
{
    public static string? Find(string? explicitDirectory)
    {
        if (explicitDirectory is not null)
        {
            return Directory.Exists(explicitDirectory) ? Path.GetFullPath(explicitDirectory) : null;
        }

        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, ProjectFile.FileName)))
            {
                return dir.FullName;
            }
        }

        return null;
    }

    /// <summary>Loads and validates the project, printing every fault; null means exit with <see cref="ExitCodes.BadInput"/>.</summary>
    public static ProjectConfiguration? Load(string? explicitDirectory, TextWriter error)
    {
        var directory = Find(explicitDirectory);
        if (directory is null)
        {
            error.WriteLine(explicitDirectory is null
                ? $"No {ProjectFile.FileName} in the current folder or its parents; run from the repository or pass --project DIR."
                : $"Folder '{explicitDirectory}' does not exist; pass the folder that holds {ProjectFile.FileName}.");
            return null;
        }

        switch (ProjectLoader.Load(directory))
        {
            case ProjectLoadResult.Loaded loaded:
                return loaded.Project;
            case ProjectLoadResult.Rejected rejected:
                error.WriteLine($"The configuration in {directory} has {rejected.Faults.Count} problem(s):");
                foreach (var fault in rejected.Faults)
                {
                    error.WriteLine($"  {fault}");
                }

                return null;
            default:
                throw new InvalidOperationException("unreachable");
        }
    }

    public static bool TryGetStack(ProjectConfiguration project, string name, TextWriter error, [NotNullWhen(true)] out StackSettings? stack)
    {
        stack = project.Stacks.FirstOrDefault(s => s.StackName == name);
        if (stack is not null)
        {
            return true;
        }

        error.WriteLine($"No stack '{name}': there is no Pulumi.{name}.yaml in {project.Directory}. Stacks: {string.Join(", ", project.Stacks.Select(s => s.StackName))}.");
        return false;
    }
}
