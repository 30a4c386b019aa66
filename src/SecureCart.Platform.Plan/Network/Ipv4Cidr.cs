using System.Globalization;

namespace SecureCart.Platform.Plan.Network;

/// <summary>An IPv4 block in CIDR notation, normalised to its network address.</summary>
public readonly record struct Ipv4Cidr(uint Network, int PrefixLength)
{
    public ulong Size => 1UL << (32 - PrefixLength);

    public uint LastAddress => (uint)(Network + Size - 1);

    public static bool TryParse(string text, out Ipv4Cidr cidr)
    {
        cidr = default;
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0 || !int.TryParse(text.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var prefix) || prefix > 32)
        {
            return false;
        }

        var parts = text[..slash].Split('.');
        if (parts.Length != 4)
        {
            return false;
        }

        uint address = 0;
        foreach (var part in parts)
        {
            if (part.Length is 0 or > 3 || !byte.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var octet))
            {
                return false;
            }

            address = (address << 8) | octet;
        }

        var mask = prefix == 0 ? 0u : uint.MaxValue << (32 - prefix);
        if ((address & ~mask) != 0)
        {
            return false; // host bits set: 10.0.0.1/16 is almost always a typo for 10.0.0.0/16
        }

        cidr = new Ipv4Cidr(address, prefix);
        return true;
    }

    public static Ipv4Cidr Parse(string text) =>
        TryParse(text, out var cidr) ? cidr : throw new FormatException($"'{text}' is not an IPv4 CIDR block such as 10.20.0.0/16");

    /// <summary>Returns what to fix when <paramref name="text"/> cannot be a stack's VPC range, or null.</summary>
    public static string? ValidateVpc(string text)
    {
        if (!TryParse(text, out var cidr))
        {
            return $"'{text}' is not an IPv4 CIDR block with its host bits zero; write it like 10.20.0.0/16";
        }

        if (cidr.PrefixLength is < 16 or > 20)
        {
            return $"/{cidr.PrefixLength} is outside what a VPC takes here; use a prefix from /16 to /20 (AWS allows /16 at most, and the three subnet tiers need room)";
        }

        return IsPrivate(cidr) ? null : $"{text} is not a private range; use a block inside 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16";
    }

    public bool Overlaps(Ipv4Cidr other) => Network <= other.LastAddress && other.Network <= LastAddress;

    public bool Contains(Ipv4Cidr other) => other.Network >= Network && other.LastAddress <= LastAddress;

    /// <summary>The <paramref name="index"/>-th block of prefix <paramref name="newPrefix"/> inside this one.</summary>
    public Ipv4Cidr Subnet(int newPrefix, int index)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(newPrefix, PrefixLength);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(newPrefix, 32);
        var count = 1L << (newPrefix - PrefixLength);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, count);
        return new Ipv4Cidr((uint)(Network + ((ulong)index << (32 - newPrefix))), newPrefix);
    }

    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Network >> 24}.{(Network >> 16) & 0xFF}.{(Network >> 8) & 0xFF}.{Network & 0xFF}/{PrefixLength}");

    private static bool IsPrivate(Ipv4Cidr cidr) =>
        Parse("10.0.0.0/8").Contains(cidr) || Parse("172.16.0.0/12").Contains(cidr) || Parse("192.168.0.0/16").Contains(cidr);
}
