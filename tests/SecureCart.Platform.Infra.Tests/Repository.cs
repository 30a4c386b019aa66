namespace SecureCart.Platform.Infra.Tests;

/// <summary>The repository root: the folder with Pulumi.yaml and the stack files the program reads.</summary>
internal static class Repository
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Pulumi.yaml")) && File.Exists(Path.Combine(dir.FullName, "Pulumi.prod-us.yaml")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Pulumi.yaml not found above the test output folder");
    }
}
