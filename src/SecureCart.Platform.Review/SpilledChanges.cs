using System.Buffers;
using System.Collections.Immutable;
using System.Text.Json;

namespace SecureCart.Platform.Review;

/// <summary>
/// The changes of a review streamed to a temporary file as JSON report elements while the preview was read
/// (see <see cref="ReviewOptions.SpillDirectory"/>), so a review of any size holds only the changes that take
/// more than one step. The file goes when this is disposed.
/// </summary>
public sealed class SpilledChanges : IDisposable
{
    private readonly FileStream _file;
    private readonly long _start;
    private readonly long _firstEnd;
    private readonly long _end;
    private readonly ImmutableArray<long> _heldAt;

    internal SpilledChanges(FileStream file, long start, long firstEnd, long end, int count, ImmutableArray<long> heldAt)
    {
        _file = file;
        _start = start;
        _firstEnd = firstEnd;
        _end = end;
        _heldAt = heldAt;
        Count = count;
    }

    /// <summary>How many changes are in the file (the held ones not included).</summary>
    public int Count { get; }

    /// <summary>
    /// Writes the elements of the report's `changes` array, the spilled ones copied as they are and the
    /// <paramref name="held"/> ones (each at the place it was first seen) written by <paramref name="write"/>.
    /// The spilled bytes are what <paramref name="writer"/> would have written itself: the same options, at
    /// the same depth, each element after the first starting with its separator.
    /// </summary>
    internal void WriteTo(Utf8JsonWriter writer, Stream output, IReadOnlyList<ResourceChange> held, Action<Utf8JsonWriter, ResourceChange> write)
    {
        if (held.Count != _heldAt.Length)
        {
            throw new ArgumentException($"{held.Count} held changes given, {_heldAt.Length} spilled around", nameof(held));
        }

        // The held changes are written as the spill writes its own (each with its separator) into memory first, so
        // the whole array then streams out in one forward pass over the file: a copy and a flush for each stretch
        // between two held changes cost more than the copying itself.
        using var bytes = new Reports.ChunkedBuffer();
        var (first, ends) = Serialize(held, write, bytes);
        var position = _start;
        var next = 0;
        _file.Position = position;
        if (held.Count > 0 && _heldAt[0] == _start)
        {
            // The writer must see the array's first element to separate and close the rest.
            write(writer, held[0]);
            next = 1;
        }
        else if (_firstEnd > _start)
        {
            // The first element is a spilled one: handed over without its leading separator.
            writer.WriteRawValue(Read(position + 1, _firstEnd), skipInputValidation: true);
            position = _firstEnd;
        }

        writer.Flush();
        var buffer = ArrayPool<byte>.Shared.Rent(1 << 16);
        try
        {
            for (; next <= held.Count; next++)
            {
                var until = next < held.Count ? _heldAt[next] : _end;
                Copy(position, until, output, buffer);
                position = until;
                if (next < held.Count)
                {
                    bytes.CopyTo(output, next == 0 ? first : ends[next - 1], ends[next]);
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    // Each held change as the spill writes one: the same options and depth, after a first element, so each starts
    // with its separator. Returns where the first starts and where each ends in what was written.
    private static (long First, long[] Ends) Serialize(IReadOnlyList<ResourceChange> held, Action<Utf8JsonWriter, ResourceChange> write, Reports.ChunkedBuffer bytes)
    {
        var ends = new long[held.Count];
        if (held.Count == 0)
        {
            return (0, ends);
        }

        using var writer = new Utf8JsonWriter(bytes, Reports.JsonReport.Options);
        Reports.ChangeSpill.EnterChanges(writer);
        writer.Flush();
        var first = bytes.Length;
        for (var i = 0; i < held.Count; i++)
        {
            write(writer, held[i]);
            writer.Flush();
            ends[i] = bytes.Length;
        }

        return (first, ends);
    }

    public void Dispose() => _file.Dispose();

    private byte[] Read(long from, long to)
    {
        var bytes = new byte[checked((int)(to - from))];
        _file.Position = from;
        _file.ReadExactly(bytes);
        return bytes;
    }

    // Forward from where the file stands: the caller's positions only ever grow.
    private void Copy(long from, long to, Stream output, byte[] buffer)
    {
        if (_file.Position != from)
        {
            _file.Position = from;
        }

        for (var left = to - from; left > 0;)
        {
            var read = _file.Read(buffer, 0, (int)Math.Min(buffer.Length, left));
            if (read == 0)
            {
                throw new IOException($"the spilled changes in {_file.Name} end early");
            }

            output.Write(buffer, 0, read);
            left -= read;
        }
    }
}
