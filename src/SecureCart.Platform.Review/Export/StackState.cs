using System.Collections.Immutable;
using SecureCart.Platform.Review.Preview;

namespace SecureCart.Platform.Review.Export;

/// <summary>A `pulumi stack export` read whole (inputs and outputs kept), for parity and blast radius.</summary>
public sealed record StackState(string Source, int Version, ImmutableArray<ResourceState> Resources)
{
    /// <summary>The stack name from the resources' URNs.</summary>
    public string? StackName => Resources.Select(r => ResourceUrn.TryParse(r.Urn, out var urn) ? urn.Stack : null).FirstOrDefault(s => s is not null);

    /// <summary>The live resources: not the old copies left pending delete by a replacement.</summary>
    public IEnumerable<ResourceState> Live => Resources.Where(r => !r.Delete);

    public DependencyIndex Dependencies()
    {
        var index = new DependencyIndex();
        foreach (var resource in Resources)
        {
            index.Add(resource);
        }

        return index;
    }

    public static StackState Read(string path, PreviewReaderOptions? options = null)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        return Read(stream, path, options);
    }

    public static StackState Read(Stream stream, string source, PreviewReaderOptions? options = null)
    {
        var resources = ImmutableArray.CreateBuilder<ResourceState>();
        var reader = new PreviewReader((options ?? new PreviewReaderOptions()) with { KeepValues = true });
        var header = reader.Read(stream, source, step => resources.Add(step.New!));
        if (header.Format != InputFormat.StackExport)
        {
            throw new PreviewFormatException(source, 1, 0, $"expected `pulumi stack export` output, found {Describe(header.Format)}");
        }

        return new StackState(source, header.ExportVersion!.Value, resources.ToImmutable());
    }

    private static string Describe(InputFormat format) => format switch
    {
        InputFormat.PreviewDigest => "`pulumi preview --json` output",
        InputFormat.EngineEvents => "an engine event log",
        _ => format.ToString(),
    };
}
