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
/// independent steps, on `--show-sames`, on indentation or on the file's encoding. Steps may be added from
/// several threads at once (the reader hashes a step on whichever thread has time for it); each thread keeps its
/// own hashes until <see cref="Finish"/>.
/// </summary>
public sealed class ReviewDigest : IDisposable
{
    private const string Version = "securecart-review-digest/v2";
    private readonly ThreadLocal<Lane> _lanes = new(() => new Lane(), trackAllValues: true);

    public int Steps => _lanes.Values.Sum(lane => lane.Count);

    public void Add(PreviewStep step)
    {
        ArgumentNullException.ThrowIfNull(step);
        if (step.Op == StepOperations.Same && !Risk.RiskFindings.OptionsChanged(step))
        {
            return;
        }

        _lanes.Value!.Add(step);
    }

    public void Dispose() => _lanes.Dispose();

    // One thread's buffer, writer and step hashes. Each step's SHA-256 is kept as two big-endian halves: sorting
    // them sorts the hashes byte by byte, without an array per step (a 100,000-step preview kept 100,000 of them).
    // They are kept in chunks that stay off the large-object heap: a list doubling its array allocated one large
    // array after another, and each brought the next full, blocking collection closer.
    private sealed class Lane
    {
        private const int ChunkHashes = 2000;
        private readonly ArrayBufferWriter<byte> _buffer = new(4096);
        private readonly List<(UInt128 High, UInt128 Low)[]> _chunks = [];
        private Utf8JsonWriter? _writer;
        private int _inLast = ChunkHashes;

        public int Count => ((_chunks.Count - 1) * ChunkHashes) + _inLast;

        public void Add(PreviewStep step)
        {
            _buffer.ResetWrittenCount();
            var writer = _writer ??= new Utf8JsonWriter(_buffer);
            writer.Reset(_buffer);
            Write(writer, step);
            Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(_buffer.WrittenSpan, hash);
            if (_inLast == ChunkHashes)
            {
                _chunks.Add(new (UInt128, UInt128)[ChunkHashes]);
                _inLast = 0;
            }

            _chunks[^1][_inLast++] = (BinaryPrimitives.ReadUInt128BigEndian(hash), BinaryPrimitives.ReadUInt128BigEndian(hash[16..]));
        }

        public IEnumerable<ArraySegment<(UInt128 High, UInt128 Low)>> SortedChunks()
        {
            for (var i = 0; i < _chunks.Count; i++)
            {
                var chunk = new ArraySegment<(UInt128 High, UInt128 Low)>(_chunks[i], 0, i == _chunks.Count - 1 ? _inLast : ChunkHashes);
                chunk.AsSpan().Sort(default(ByBytes));
                yield return chunk;
            }
        }
    }

    private static void Write(Utf8JsonWriter writer, PreviewStep step)
    {
        writer.WriteStartObject();
        writer.WriteString(Names.Op, step.Op);
        writer.WriteString(Names.Urn, step.Urn.Value);
        writer.WriteString(Names.Id, step.Old?.Id);
        WriteStrings(writer, Names.ReplaceReasons, step.ReplaceReasons);
        WriteStrings(writer, Names.DiffReasons, step.DiffReasons);
        writer.WriteStartObject(Names.DetailedDiff);
        if (step.DetailedDiff is { Count: > 0 } detailed)
        {
            // Already in ordinal order of the paths, each path once.
            foreach (var (path, diff) in detailed.Entries)
            {
                writer.WriteString(path, diff.InputDiff ? InputKind(diff.Kind) : diff.Kind);
            }
        }

        writer.WriteEndObject();
        WriteState(writer, Names.Old, step.Old, outputs: true);
        WriteState(writer, Names.New, step.New, outputs: false);
        writer.WriteEndObject();
        writer.Flush();
    }

    // New outputs are left out: in a preview they are guesses, and `up` recomputes them anyway.
    private static void WriteState(Utf8JsonWriter writer, JsonEncodedText name, ResourceState? state, bool outputs)
    {
        if (state is null)
        {
            writer.WriteNull(name);
            return;
        }

        writer.WriteStartObject(name);
        writer.WriteString(Names.Type, state.Type);
        writer.WriteString(Names.Provider, state.Provider);
        writer.WriteString(Names.Parent, state.Parent);
        writer.WriteBoolean(Names.Protect, state.Protect);
        writer.WriteBoolean(Names.RetainOnDelete, state.RetainOnDelete);
        writer.WriteBoolean(Names.Delete, state.Delete);
        writer.WritePropertyName(Names.Inputs);
        CanonicalJson.Write(writer, state.Inputs);
        if (outputs)
        {
            writer.WritePropertyName(Names.Outputs);
            CanonicalJson.Write(writer, state.Outputs);
        }

        writer.WriteEndObject();
    }
    // The kinds Pulumi writes (display.DiffKind), each with its input marker made once rather than for every entry.
    private static string InputKind(string kind) => kind switch
    {
        "add" => "add/input",
        "add-replace" => "add-replace/input",
        "delete" => "delete/input",
        "delete-replace" => "delete-replace/input",
        "update" => "update/input",
        "update-replace" => "update-replace/input",
        _ => kind + "/input",
    };

    // The names the digest writes for every step, encoded once (the writer's default encoder, as before).
    private static class Names
    {
        public static readonly JsonEncodedText Op = JsonEncodedText.Encode("op");
        public static readonly JsonEncodedText Urn = JsonEncodedText.Encode("urn");
        public static readonly JsonEncodedText Id = JsonEncodedText.Encode("id");
        public static readonly JsonEncodedText ReplaceReasons = JsonEncodedText.Encode("replaceReasons");
        public static readonly JsonEncodedText DiffReasons = JsonEncodedText.Encode("diffReasons");
        public static readonly JsonEncodedText DetailedDiff = JsonEncodedText.Encode("detailedDiff");
        public static readonly JsonEncodedText Old = JsonEncodedText.Encode("old");
        public static readonly JsonEncodedText New = JsonEncodedText.Encode("new");
        public static readonly JsonEncodedText Type = JsonEncodedText.Encode("type");
        public static readonly JsonEncodedText Provider = JsonEncodedText.Encode("provider");
        public static readonly JsonEncodedText Parent = JsonEncodedText.Encode("parent");
        public static readonly JsonEncodedText Protect = JsonEncodedText.Encode("protect");
        public static readonly JsonEncodedText RetainOnDelete = JsonEncodedText.Encode("retainOnDelete");
        public static readonly JsonEncodedText Delete = JsonEncodedText.Encode("delete");
        public static readonly JsonEncodedText Inputs = JsonEncodedText.Encode("inputs");
        public static readonly JsonEncodedText Outputs = JsonEncodedText.Encode("outputs");
    }

    /// <summary>`sha256:` and 64 lowercase hex digits.</summary>
    public string Finish()
    {
        // Each chunk sorted, then merged: one array of every step hash would be a large one, allocated at the very
        // end of a large review, and start a full collection there.
        var chunks = _lanes.Values.SelectMany(lane => lane.SortedChunks()).ToList();
        var next = new PriorityQueue<int, (UInt128 High, UInt128 Low)>(chunks.Count, default(ByBytes));
        var taken = new int[chunks.Count];
        for (var i = 0; i < chunks.Count; i++)
        {
            next.Enqueue(i, chunks[i][0]);
        }

        // Hashed a chunk at a time: a call per step hash cost more than the hashing (100,000 of them at the end of a
        // large review, while the other core has nothing left to do).
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(System.Text.Encoding.UTF8.GetBytes(Version));
        var buffer = ArrayPool<byte>.Shared.Rent(HashesPerAppend * SHA256.HashSizeInBytes);
        try
        {
            var filled = 0;
            while (next.TryDequeue(out var i, out var stepHash))
            {
                BinaryPrimitives.WriteUInt128BigEndian(buffer.AsSpan(filled), stepHash.High);
                BinaryPrimitives.WriteUInt128BigEndian(buffer.AsSpan(filled + 16), stepHash.Low);
                filled += SHA256.HashSizeInBytes;
                if (filled == HashesPerAppend * SHA256.HashSizeInBytes)
                {
                    hash.AppendData(buffer, 0, filled);
                    filled = 0;
                }

                if (++taken[i] < chunks[i].Count)
                {
                    next.Enqueue(i, chunks[i][taken[i]]);
                }
            }

            hash.AppendData(buffer, 0, filled);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return "sha256:" + Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private const int HashesPerAppend = 2048;

    // Big-endian halves: their order is the order of the hashes' bytes.
    private readonly struct ByBytes : IComparer<(UInt128 High, UInt128 Low)>
    {
        public int Compare((UInt128 High, UInt128 Low) x, (UInt128 High, UInt128 Low) y) =>
            x.High != y.High ? x.High.CompareTo(y.High) : x.Low.CompareTo(y.Low);
    }

    private static void WriteStrings(Utf8JsonWriter writer, JsonEncodedText name, ImmutableArray<string> values)
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
