namespace SecureCart.Previews.Tests;

/// <summary>
/// The service's folders are its layers: HTTP lives only at the edge (Endpoints, Api, Auth, Hosting), and the jobs
/// build on the environment commands, never the other way round. Read from the source, so a body's pattern match on
/// a view type counts as much as a signature.
/// </summary>
public sealed class LayeringTests
{
    private static readonly string[] s_httpNamespaces = ["SecureCart.Previews.Api", "SecureCart.Previews.Endpoints", "Microsoft.AspNetCore"];

    [Theory]
    [InlineData("Domain")]
    [InlineData("Environments")]
    [InlineData("Jobs")]
    [InlineData("Databases")]
    public void CoreFolder_UsesNoHttpType(string folder)
    {
        var offenders = Usings(folder).Where(u => s_httpNamespaces.Any(n => u.Using.StartsWith(n, StringComparison.Ordinal))).ToList();

        Assert.True(offenders.Count == 0, "HTTP types outside the edge: " + string.Join("; ", offenders.Select(o => $"{o.File}: {o.Using}")));
    }

    [Theory]
    [InlineData("Domain", "SecureCart.Previews.Environments")]
    [InlineData("Domain", "SecureCart.Previews.Jobs")]
    [InlineData("Environments", "SecureCart.Previews.Jobs")]
    public void LowerLayer_DoesNotUseHigherOne(string folder, string forbidden)
    {
        var offenders = Usings(folder).Where(u => u.Using == forbidden).ToList();

        Assert.True(offenders.Count == 0, $"{folder} depends on {forbidden}: " + string.Join("; ", offenders.Select(o => o.File)));
    }

    [Fact]
    public void Jobs_BuildOnEnvironments()
    {
        // The direction the rule above keeps: the reaper queues destroys through the environment commands.
        Assert.Contains(Usings("Jobs"), u => u.File == "ExpiryReaper.cs" && u.Using == "SecureCart.Previews.Environments");
    }

    private static List<(string File, string Using)> Usings(string folder)
    {
        var directory = Path.Combine(SourceRoot(), folder);
        Assert.True(Directory.Exists(directory), $"no folder {directory}");
        var files = Directory.GetFiles(directory, "*.cs", SearchOption.AllDirectories);
        Assert.NotEmpty(files);
        return files
            .SelectMany(f => File.ReadLines(f)
                .Select(l => l.Trim())
                .Where(l => l.StartsWith("using ", StringComparison.Ordinal) && l.EndsWith(';'))
                .Select(l => (Path.GetFileName(f), l["using ".Length..^1].Trim())))
            .ToList();
    }

    private static string SourceRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "src", "SecureCart.Previews");
            if (File.Exists(Path.Combine(candidate, "SecureCart.Previews.csproj")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException($"src/SecureCart.Previews not found above {AppContext.BaseDirectory}");
    }
}
