using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using SecureCart.Previews.State.Entities;

namespace SecureCart.Previews.Audit;

/// <summary>Each row's hash covers its fields and the previous row's hash, so editing or removing any row breaks the chain.</summary>
public static class AuditHash
{
    public static string Compute(AuditRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var canonical = string.Join(
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
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }
}
