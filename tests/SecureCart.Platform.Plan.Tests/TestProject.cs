using SecureCart.Platform.Plan.Configuration;

namespace SecureCart.Platform.Plan.Tests;

/// <summary>A copy of the repository's Pulumi.yaml and stack files in a temporary folder, to break on purpose.</summary>
internal sealed class TestProject : IDisposable
{
    public TestProject()
    {
        Directory = Path.Combine(Path.GetTempPath(), "securecart-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
        foreach (var file in System.IO.Directory.EnumerateFiles(RepositoryRoot, "Pulumi*.yaml"))
        {
            File.Copy(file, Path.Combine(Directory, Path.GetFileName(file)));
        }
    }

    public string Directory { get; }

    public static string RepositoryRoot { get; } = FindRoot();

    public string PathOf(string file) => Path.Combine(Directory, file);

    public string Read(string file) => File.ReadAllText(PathOf(file));

    public void Write(string file, string text) => File.WriteAllText(PathOf(file), text);

    public void Delete(string file) => File.Delete(PathOf(file));

    /// <summary>Sets (or adds) one config line in a stack file, keeping the others.</summary>
    public void Set(string stack, string key, string value)
    {
        var file = $"Pulumi.{stack}.yaml";
        var lines = Without(Read(file).Split('\n'), key);
        var at = lines.FindIndex(l => l.StartsWith("config:", StringComparison.Ordinal)) + 1;
        lines.Insert(at, $"  {key}: {value}");
        Write(file, string.Join('\n', lines));
    }

    public void Remove(string stack, string key)
    {
        var file = $"Pulumi.{stack}.yaml";
        Write(file, string.Join('\n', Without(Read(file).Split('\n'), key)));
    }

    // The key's line and the more-indented lines under it (an encrypted value is "key:" then "secure: ...").
    private static List<string> Without(IEnumerable<string> lines, string key)
    {
        var kept = new List<string>();
        var dropping = false;
        foreach (var line in lines)
        {
            if (line.TrimStart().StartsWith(key + ":", StringComparison.Ordinal))
            {
                dropping = true;
                continue;
            }

            if (dropping && line.StartsWith("    ", StringComparison.Ordinal))
            {
                continue;
            }

            dropping = false;
            kept.Add(line);
        }

        return kept;
    }

    public ProjectLoadResult Load() => ProjectLoader.Load(Directory);

    public ProjectConfiguration Loaded() => Load() switch
    {
        ProjectLoadResult.Loaded loaded => loaded.Project,
        ProjectLoadResult.Rejected rejected => throw new InvalidOperationException(string.Join(Environment.NewLine, rejected.Faults)),
        _ => throw new InvalidOperationException(),
    };

    public IReadOnlyList<ConfigFault> Faults() => Load() switch
    {
        ProjectLoadResult.Rejected rejected => rejected.Faults,
        _ => throw new InvalidOperationException("expected the configuration to be rejected, but it loaded"),
    };

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

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
