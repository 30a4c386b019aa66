using System.Buffers;
using System.Buffers.Binary;
using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text.Json;
using SecureCart.Platform.Review.Preview;

namespace SecureCart.Platform.Review.Digest;

/// <summary>
/// A SHA-256 over the reviewed steps: every step but `same` (and a `same` that turns protect or
/// retainOnDelete on or off), each with op, URN, physical id, replace and diff reasons, the detailed diff, and
/// of the old and the new state the inputs, the old outputs, provider, parent and the protect, retainOnDelete
/// and delete flags, written canonically: everything that changes what `pulumi up` does. Step hashes are
/// sorted before the final hash, so the digest does not depend on the order the engine happened to emit
/// independent steps, on `--show-sames`, on indentation or on the file's encoding.
/// </summary>
public sealed class ReviewDigest
{
    private const string Version = "securecart-review-digest/v2";
    // Each step's SHA-256 as two big-endian halves: sorting them sorts the hashes byte by byte, without an
    // array per step (a 100,000-step preview kept 100,000 of them).
    private readonly List<(UInt128 High, UInt128 Low)> _stepHashes = [];
    private readonly ArrayBufferWriter<byte> _buffer = new(4096);
    private Utf8JsonWriter? _writer;

    public int Steps => _stepHashes.Count;

    public void Add(PreviewStep step)
    {
        ArgumentNullException.ThrowIfNull(step);
        if (step.Op == StepOperations.Same && !Risk.RiskFindings.OptionsChanged(step))
        {
            return;
        }

        _buffer.ResetWrittenCount();
        var writer = _writer ??= new Utf8JsonWriter(_buffer);
        writer.Reset(_buffer);
        {
            writer.WriteStartObject();
            writer.WriteString("op", step.Op);
            writer.WriteString("urn", step.Urn.Value);
            writer.WriteString("id", step.Old?.Id);
            WriteStrings(writer, "replaceReasons", step.ReplaceReasons);
            WriteStrings(writer, "diffReasons", step.DiffReasons);
            writer.WriteStartObject("detailedDiff");
            if (step.DetailedDiff is { Count: > 0 } detailed)
            {
                var entries = detailed.ToArray();
                Array.Sort(entries, static (a, b) => string.CompareOrdinal(a.Key, b.Key));
                foreach (var (path, diff) in entries)
                {
                    writer.WriteString(path, diff.InputDiff ? diff.Kind + "/input" : diff.Kind);
                }
            }

            writer.WriteEndObject();
            WriteState(writer, "old", step.Old, outputs: true);
            WriteState(writer, "new", step.New, outputs: false);
            writer.WriteEndObject();
            writer.Flush();
        }

        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(_buffer.WrittenSpan, hash);
        _stepHashes.Add((BinaryPrimitives.ReadUInt128BigEndian(hash), BinaryPrimitives.ReadUInt128BigEndian(hash[16..])));
    }

    // New outputs are left out: in a preview they are guesses, and `up` recomputes them anyway.
    private static void WriteState(Utf8JsonWriter writer, string name, ResourceState? state, bool outputs)
    {
        if (state is null)
        {
            writer.WriteNull(name);
            return;
        }

        writer.WriteStartObject(name);
        writer.WriteString("type", state.Type);
        writer.WriteString("provider", state.Provider);
        writer.WriteString("parent", state.Parent);
        writer.WriteBoolean("protect", state.Protect);
        writer.WriteBoolean("retainOnDelete", state.RetainOnDelete);
        writer.WriteBoolean("delete", state.Delete);
        writer.WritePropertyName("inputs");
        CanonicalJson.Write(writer, state.Inputs);
        if (outputs)
        {
            writer.WritePropertyName("outputs");
            CanonicalJson.Write(writer, state.Outputs);
        }

        writer.WriteEndObject();
    }
    /// <summary>`sha256:` and 64 lowercase hex digits.</summary>
    public string Finish()
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(System.Text.Encoding.UTF8.GetBytes(Version));
        _stepHashes.Sort();
        Span<byte> bytes = stackalloc byte[SHA256.HashSizeInBytes];
        foreach (var (high, low) in _stepHashes)
        {
            BinaryPrimitives.WriteUInt128BigEndian(bytes, high);
            BinaryPrimitives.WriteUInt128BigEndian(bytes[16..], low);
            hash.AppendData(bytes);
        }

        return "sha256:" + Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static void WriteStrings(Utf8JsonWriter writer, string name, ImmutableArray<string> values)
    {
        writer.WriteStartArray(name);
        var ordered = values.AsSpan();
        if (!IsOrdered(ordered))
        {
            var copy = ordered.ToArray();
            Array.Sort(copy, StringComparer.Ordinal);
            ordered = copy;
        }

        foreach (var value in ordered)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }

    private static bool IsOrdered(ReadOnlySpan<string> values)
    {
        for (var i = 1; i < values.Length; i++)
        {
            if (string.CompareOrdinal(values[i - 1], values[i]) > 0)
            {
                return false;
            }
        }

        return true;
    }
}
