using SecureCart.Platform.Plan.Configuration;

namespace SecureCart.Platform.Cli;

/// <summary>Finds the Pulumi project folder the commands work on, and loads it (and a stack) the one shared way.</summary>
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
        if (FindOrSay(explicitDirectory, error) is not { } directory)
        {
            return null;
        }

        switch (ProjectLoader.Load(directory))
        {
            case ProjectLoadResult.Loaded loaded:
                return loaded.Project;
            case ProjectLoadResult.Rejected rejected:
                Print(StackSelection.Describe(directory, rejected.Faults), error);
                return null;
            default:
                throw new InvalidOperationException("unreachable");
        }
    }

    /// <summary>Loads the project and picks one stack, printing what is wrong; null means exit with <see cref="ExitCodes.BadInput"/>.</summary>
    public static StackSelection.Selected? LoadStack(string? explicitDirectory, string stackName, TextWriter error)
    {
        if (FindOrSay(explicitDirectory, error) is not { } directory)
        {
            return null;
        }

        switch (StackSelection.Select(directory, stackName))
        {
            case StackSelection.Selected selected:
                return selected;
            case StackSelection.Failed failed:
                Print(failed, error);
                return null;
            default:
                throw new InvalidOperationException("unreachable");
        }
    }

    private static string? FindOrSay(string? explicitDirectory, TextWriter error)
    {
        var directory = Find(explicitDirectory);
        if (directory is null)
        {
            error.WriteLine(explicitDirectory is null
                ? $"No {ProjectFile.FileName} in the current folder or its parents; run from the repository or pass --project DIR."
                : $"Folder '{explicitDirectory}' does not exist; pass the folder that holds {ProjectFile.FileName}.");
        }

        return directory;
    }

    private static void Print(StackSelection.Failed failed, TextWriter error)
    {
        foreach (var line in failed.Lines)
        {
            error.WriteLine(line);
        }
    }
}
