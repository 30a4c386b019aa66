namespace SecureCart.Platform.Simulation.Benchmark;

/// <summary>Finds the repository (the folder with SecureCart.Platform.sln) above the benchmark's binaries.</summary>
internal static class Locate
{
    public static string Repository()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SecureCart.Platform.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("SecureCart.Platform.sln not found above " + AppContext.BaseDirectory + "; pass the project folder");
    }
}
