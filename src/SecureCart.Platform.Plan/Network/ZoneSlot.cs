using System.Globalization;

namespace SecureCart.Platform.Plan.Network;

/// <summary>
/// The plan's name for "the account's n-th Availability Zone in this Region" (<c>zone-1</c>, <c>zone-2</c>…).
/// Deploy time resolves it against the zones the account is offered, sorted by name.
/// </summary>
public static class ZoneSlot
{
    private const string Prefix = "zone-";

    public static string Name(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        return string.Create(CultureInfo.InvariantCulture, $"{Prefix}{index + 1}");
    }

    /// <summary>The 0-based index of a slot name.</summary>
    public static int Index(string slot)
    {
        ArgumentNullException.ThrowIfNull(slot);
        return slot.StartsWith(Prefix, StringComparison.Ordinal) && int.TryParse(slot.AsSpan(Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n - 1
            : throw new ArgumentException($"'{slot}' is not a zone slot such as {Prefix}1", nameof(slot));
    }

    /// <summary>
    /// The zone each slot stands for, given the zones the account is offered; fails, saying what to change, when
    /// the account has fewer zones than the plan spreads over.
    /// </summary>
    public static IReadOnlyList<string> Resolve(IReadOnlyList<string> planned, IEnumerable<string> offered, string region)
    {
        ArgumentNullException.ThrowIfNull(planned);
        ArgumentNullException.ThrowIfNull(offered);
        var zones = offered.Order(StringComparer.Ordinal).ToList();
        var needed = planned.Count == 0 ? 0 : planned.Max(Index) + 1;
        if (zones.Count < needed)
        {
            throw new InvalidOperationException(
                $"The plan spreads {region} over {needed} Availability Zones but this account is offered {zones.Count} ({string.Join(", ", zones)}); "
                + $"set {region} to {zones.Count} in Plan/Network/regions.json, or use another Region.");
        }

        return [.. planned.Select(slot => zones[Index(slot)])];
    }
}
