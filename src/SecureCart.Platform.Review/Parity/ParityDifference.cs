namespace SecureCart.Platform.Review.Parity;

/// <summary>
/// One way two stacks differ: a resource only one has (<see cref="Path"/> is null), or one input that differs
/// after normalising. <see cref="AllowedBecause"/> is set when the plan declares the asymmetry.
/// </summary>
public sealed record ParityDifference(string Type, string Name, string? Path, string Left, string Right, string? AllowedBecause = null)
{
    public bool Allowed => AllowedBecause is not null;
}
