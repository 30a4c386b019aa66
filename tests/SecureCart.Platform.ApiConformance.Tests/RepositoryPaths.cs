namespace SecureCart.Platform.ApiConformance.Tests;

/// <summary>Locates the repository root (the folder holding SecureCart.Platform.sln) from the test output folder.</summary>
internal static class RepositoryPaths
{
    private static readonly Lazy<string> s_root = new(FindRoot);

    public static string Root => s_root.Value;

    public static string DeclarationsFolder => Path.Combine(Root, "eng", "api-declarations");

    private static string FindRoot()
    {
        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "SecureCart.Platform.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"SecureCart.Platform.sln not found above {AppContext.BaseDirectory}.");
    }
}
