namespace SecureCart.Platform.Review.Preview;

/// <summary>
/// One entry of a step's `detailedDiff`: `kind` in the preview digest (pkg/display PropertyDiff),
/// `diffKind` in engine events (apitype PropertyDiff).
/// </summary>
public sealed record PropertyDiff(string Kind, bool InputDiff)
{
    /// <summary>`add-replace`, `update-replace` and `delete-replace` force a replacement.</summary>
    public bool ForcesReplacement => Kind.EndsWith("-replace", StringComparison.Ordinal);
}
