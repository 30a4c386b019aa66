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

        var position = _start;
        var empty = true;
        for (var i = 0; i <= held.Count; i++)
        {
            var until = i < held.Count ? _heldAt[i] : _end;
            if (until > position)
            {
                if (empty)
                {
                    // The writer must see the array's first element to separate and close the rest: hand it
                    // over without its leading separator, the others are copied behind it.
                    writer.WriteRawValue(Read(position + 1, _firstEnd), skipInputValidation: true);
                    position = _firstEnd;
                    empty = false;
                }

                writer.Flush();
                Copy(position, until, output);
                position = until;
            }

            if (i < held.Count)
            {
                write(writer, held[i]);
                empty = false;
            }
        }
    }

    public void Dispose() => _file.Dispose();

    private byte[] Read(long from, long to)
    {
        var bytes = new byte[checked((int)(to - from))];
        _file.Position = from;
        _file.ReadExactly(bytes);
        return bytes;
    }

    private void Copy(long from, long to, Stream output)
    {
        var buffer = new byte[Math.Min(1 << 20, to - from)];
        _file.Position = from;
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
