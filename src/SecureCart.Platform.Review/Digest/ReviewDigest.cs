using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;
using SecureCart.Platform.Review.Preview;

namespace SecureCart.Platform.Review.Digest;

/// <summary>
/// A SHA-256 over the reviewed (non-`same`) steps: op, URN, physical id, replace and diff reasons, the
/// detailed diff and the new inputs, each written canonically. Step hashes are sorted before the final hash,
/// so the digest does not depend on the order the engine happened to emit independent steps, on
/// `--show-sames`, on indentation or on the file's encoding. Approving this value and later comparing it
/// with the digest of the `pulumi up --plan` preview proves the applied change is the reviewed one.
/// </summary>
public sealed class ReviewDigest
{
    private const string Version = "securecart-review-digest/v1";
    private readonly List<byte[]> _stepHashes = [];
    private readonly ArrayBufferWriter<byte> _buffer = new(4096);

    public int Steps => _stepHashes.Count;

    public void Add(PreviewStep step)
    {
        ArgumentNullException.ThrowIfNull(step);
        if (step.Op == StepOperations.Same)
        {
            return;
        }

        _buffer.ResetWrittenCount();
        using (var writer = new Utf8JsonWriter(_buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("op", step.Op);
            writer.WriteString("urn", step.Urn.Value);
            writer.WriteString("id", step.Old?.Id);
            WriteStrings(writer, "replaceReasons", step.ReplaceReasons);
            WriteStrings(writer, "diffReasons", step.DiffReasons);
            writer.WriteStartObject("detailedDiff");
            foreach (var (path, diff) in (step.DetailedDiff ?? []).OrderBy(d => d.Key, StringComparer.Ordinal))
            {
                writer.WriteString(path, diff.Kind);
            }

            writer.WriteEndObject();
            writer.WritePropertyName("inputs");
            CanonicalJson.Write(writer, step.New?.Inputs ?? default);
            writer.WriteEndObject();
        }

        _stepHashes.Add(SHA256.HashData(_buffer.WrittenSpan));
    }

    /// <summary>`sha256:` and 64 lowercase hex digits.</summary>
    public string Finish()
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(System.Text.Encoding.UTF8.GetBytes(Version));
        _stepHashes.Sort(static (a, b) => a.AsSpan().SequenceCompareTo(b));
        foreach (var step in _stepHashes)
        {
            hash.AppendData(step);
        }

        return "sha256:" + Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static void WriteStrings(Utf8JsonWriter writer, string name, IEnumerable<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values.Order(StringComparer.Ordinal))
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }
}
