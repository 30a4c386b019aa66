using SecureCart.Platform.Plan.Configuration;

namespace SecureCart.Platform.Simulation.Tests;

/// <summary>The repository's own Pulumi project (Pulumi.prod-us.yaml, Pulumi.prod-eu.yaml), and scratch copies of it.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    public static ProjectConfiguration Project() => Load(Root);

    public static ProjectConfiguration Load(string directory) => ProjectLoader.Load(directory) switch
    {
        ProjectLoadResult.Loaded loaded => loaded.Project,
        ProjectLoadResult.Rejected rejected => throw new InvalidOperationException(string.Join(Environment.NewLine, rejected.Faults)),
        _ => throw new InvalidOperationException("unreachable"),
    };

    public static string CopyProject()
    {
        var directory = Path.Combine(Path.GetTempPath(), "securecart-simulation-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        foreach (var file in Directory.EnumerateFiles(Root, "Pulumi*.yaml"))
        {
            File.Copy(file, Path.Combine(directory, Path.GetFileName(file)));
        }

        return directory;
    }

    public static string[] StackNames(ProjectConfiguration project) => [.. project.Stacks.Select(s => s.StackName)];

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SecureCart.Platform.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("SecureCart.Platform.sln not found above " + AppContext.BaseDirectory);
    }
}
