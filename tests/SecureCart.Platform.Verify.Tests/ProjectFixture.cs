using SecureCart.Platform.Plan.Configuration;

namespace SecureCart.Platform.Verify.Tests;

/// <summary>The repository's own Pulumi.yaml and stack files, loaded as the CLI loads them.</summary>
internal static class ProjectFixture
{
    public static ProjectConfiguration Load()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Pulumi.yaml")) && File.Exists(Path.Combine(dir.FullName, "SecureCart.Platform.sln")))
            {
                return ProjectLoader.Load(dir.FullName) switch
                {
                    ProjectLoadResult.Loaded loaded => loaded.Project,
                    ProjectLoadResult.Rejected rejected => throw new InvalidOperationException(string.Join(Environment.NewLine, rejected.Faults)),
                    _ => throw new InvalidOperationException("unreachable"),
                };
            }
        }

        throw new InvalidOperationException("Pulumi.yaml not found above the test output folder");
    }
}
