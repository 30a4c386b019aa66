using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using SecureCart.Previews.State.Entities;

namespace SecureCart.Previews.Audit;

/// <summary>
/// Each row's hash is an HMAC-SHA256, keyed with a secret from configuration, over its fields and the previous row's
/// hash. Someone who can write to the database but does not hold the key cannot recompute a chain that verifies; one
/// who also holds the key is caught by the anchors written outside the database (<see cref="AuditAnchors"/>).
/// </summary>
public sealed class AuditHasher(byte[] key)
{
    private readonly byte[] _key = [.. key];

    public string Compute(AuditRecord record) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(Canonical(record))));

    /// <summary>The fields a link covers, in order, joined by the unit separator (which no field may contain).</summary>
    internal static string Canonical(AuditRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return string.Join(
            '\u001f',
            record.Sequence.ToString(CultureInfo.InvariantCulture),
            record.At.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
            record.Actor,
            record.Team,
            record.Action,
            record.EnvironmentId?.ToString("D") ?? "",
            record.Outcome,
            record.RequestId,
            record.SourceAddress,
            record.PreviousHash);
    }
}
