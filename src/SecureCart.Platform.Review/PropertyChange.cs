namespace SecureCart.Platform.Review;

/// <summary>One changed property: path, Pulumi's diff kind, and secret-free old and new text.</summary>
public sealed record PropertyChange(string Path, string Kind, string Old, string New)
{
    public bool ForcesReplacement => Kind.EndsWith("-replace", StringComparison.Ordinal);
}
