namespace SecureCart.Platform.Review.Preview;

/// <summary>
/// `urn:pulumi:{stack}::{project}::{parentType$...$type}::{name}`; the name is everything after the third `::`.
/// </summary>
public sealed record ResourceUrn(string Value, string Stack, string Project, string QualifiedType, string Name)
{
    private const string Prefix = "urn:pulumi:";

    /// <summary>The resource's own type token (the last segment of the qualified type).</summary>
    public string Type => QualifiedType[(QualifiedType.LastIndexOf('$') + 1)..];

    /// <summary>The types of the components this resource is nested in, outermost first.</summary>
    public IReadOnlyList<string> ParentTypes
    {
        get
        {
            var parts = QualifiedType.Split('$');
            return parts[..^1];
        }
    }

    public static bool TryParse(string? value, out ResourceUrn urn)
    {
        urn = null!;
        if (value is null || !value.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var parts = value[Prefix.Length..].Split("::", 4);
        if (parts.Length != 4 || parts[2].Length == 0)
        {
            return false;
        }

        urn = new ResourceUrn(value, parts[0], parts[1], parts[2], parts[3]);
        return true;
    }

    /// <summary>As <see cref="TryParse(string?, out ResourceUrn)"/>, the parts a preview repeats (stack, project, type) from <paramref name="pool"/>.</summary>
    internal static bool TryParse(string? value, StringPool pool, out ResourceUrn urn)
    {
        urn = null!;
        if (value is null || !value.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        // The same cuts as Split("::", 4), without a string for each cut-off piece and an array of them.
        var rest = value.AsSpan(Prefix.Length);
        var first = rest.IndexOf("::", StringComparison.Ordinal);
        if (first < 0)
        {
            return false;
        }

        var afterStack = rest[(first + 2)..];
        var second = afterStack.IndexOf("::", StringComparison.Ordinal);
        if (second < 0)
        {
            return false;
        }

        var afterProject = afterStack[(second + 2)..];
        var third = afterProject.IndexOf("::", StringComparison.Ordinal);
        if (third <= 0)
        {
            return false;
        }

        urn = new ResourceUrn(
            value,
            pool.Get(rest[..first]),
            pool.Get(afterStack[..second]),
            pool.Get(afterProject[..third]),
            afterProject[(third + 2)..].ToString());
        return true;
    }

    public static ResourceUrn Parse(string value) =>
        TryParse(value, out var urn) ? urn : throw new FormatException($"'{value}' is not a Pulumi URN");

    public override string ToString() => Value;
}
