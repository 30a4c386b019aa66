using System.Buffers;

namespace SecureCart.Platform.Review.Reports;

/// <summary>
/// Bytes written in pooled chunks small enough to stay off the large-object heap: a buffer that doubles as it
/// grows leaves a trail of large arrays, and each large allocation counts toward the next full collection.
/// </summary>
internal sealed class ChunkedBuffer : IBufferWriter<byte>, IDisposable
{
    private const int ChunkSize = 64 * 1024;
    private readonly List<(byte[] Array, int Length)> _chunks = [];
    private byte[]? _current;
    private int _used;
    private long _readAt;
    private long _chunkStart;
    private int _readChunk;
    private bool _reading;

    public long Length { get; private set; }

    public void Advance(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (_current is null || _used + count > _current.Length)
        {
            throw new InvalidOperationException("advanced past the span handed out");
        }

        _used += count;
        Length += count;
    }

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _current.AsMemory(_used);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _current.AsSpan(_used);
    }

    /// <summary>
    /// Writes what was written from where the last copy ended (or the start) up to <paramref name="to"/>, leaving
    /// out what lies before <paramref name="from"/>: copies go forward only, so each costs only its own bytes.
    /// </summary>
    public void CopyTo(Stream output, long from, long to)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(from, _readAt);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(from, to);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(to, Length);
        _reading = true;
        if (_current is not null)
        {
            // The chunk being written is read like the others from now on.
            _chunks.Add((_current, _used));
            _current = null;
        }

        while (_readAt < to)
        {
            var (array, length) = _chunks[_readChunk];
            var offset = (int)(_readAt - _chunkStart);
            var take = (int)Math.Min(length - offset, to - _readAt);
            var skip = (int)Math.Clamp(from - _readAt, 0, take);
            if (take > skip)
            {
                output.Write(array, offset + skip, take - skip);
            }

            _readAt += take;
            if (offset + take == length)
            {
                _chunkStart += length;
                _readChunk++;
            }
        }
    }

    public void Dispose()
    {
        foreach (var (array, _) in _chunks)
        {
            ArrayPool<byte>.Shared.Return(array);
        }

        if (_current is not null)
        {
            ArrayPool<byte>.Shared.Return(_current);
        }

        _chunks.Clear();
        _current = null;
    }

    [System.Diagnostics.CodeAnalysis.MemberNotNull(nameof(_current))]
    private void Ensure(int sizeHint)
    {
        if (_reading)
        {
            throw new InvalidOperationException("written after reading started");
        }

        var needed = Math.Max(sizeHint, 1);
        if (_current is not null && _current.Length - _used >= needed)
        {
            return;
        }

        if (_current is not null)
        {
            _chunks.Add((_current, _used));
        }

        _current = ArrayPool<byte>.Shared.Rent(Math.Max(ChunkSize, needed));
        _used = 0;
    }
}
