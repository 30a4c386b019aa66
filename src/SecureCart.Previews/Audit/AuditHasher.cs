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

    /// <summary>
    /// The fields a link covers, in order, joined by the unit separator (which no field may contain). A row of a
    /// team's chain also covers its place in that chain, behind a version mark no row of the older single chain
    /// starts with; those rows (ChainSequence 0) keep the form their hashes were computed over.
    /// </summary>
    internal static string Canonical(AuditRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var fields = new List<string>(13);
        if (record.ChainSequence > 0)
        {
            fields.Add("chain-v1");
            fields.Add(record.ChainSequence.ToString(CultureInfo.InvariantCulture));
        }

        fields.AddRange(
        [
            record.Sequence.ToString(CultureInfo.InvariantCulture),
            record.At.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
            record.Actor,
            record.Team,
            record.Action,
            record.EnvironmentId?.ToString("D") ?? "",
            record.Outcome,
            record.RequestId,
            record.SourceAddress,
            record.PreviousHash,
        ]);
        return string.Join('\u001f', fields);
    }
}
