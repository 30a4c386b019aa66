using System.Text;
using SecureCart.Platform.Review.Reports;

namespace SecureCart.Platform.Review.Tests.Reports;

public sealed class ChunkedBufferTests
{
    [Fact]
    public void CopyTo_RangesAcrossChunks_GivesExactlyTheBytesWritten()
    {
        // Enough for several 64 KiB chunks, written in pieces of uneven size, some larger than a chunk.
        var written = new MemoryStream();
        using var buffer = new ChunkedBuffer();
        var random = new Random(7);
        foreach (var size in new[] { 10, 70_000, 3, 65_536, 200_000, 1, 40_000 })
        {
            var piece = new byte[size];
            random.NextBytes(piece);
            piece.CopyTo(buffer.GetSpan(size));
            buffer.Advance(size);
            written.Write(piece);
        }

        var all = written.ToArray();
        var output = new MemoryStream();
        long[] cuts = [5, 5, 65_540, 65_541, 200_000, all.Length];
        var expected = new MemoryStream();
        long previous = 0;
        foreach (var cut in cuts)
        {
            // Leave out the first two bytes of each range, as the spill leaves out what it wrote already.
            var from = Math.Min(previous + 2, cut);
            buffer.CopyTo(output, from, cut);
            expected.Write(all, (int)from, (int)(cut - from));
            previous = cut;
        }

        Assert.Equal(all.Length, buffer.Length);
        Assert.Equal(expected.ToArray(), output.ToArray());
    }

    [Fact]
    public void CopyTo_Backwards_IsRefused()
    {
        using var buffer = new ChunkedBuffer();
        Encoding.ASCII.GetBytes("abcdef").CopyTo(buffer.GetSpan(6));
        buffer.Advance(6);
        buffer.CopyTo(Stream.Null, 0, 4);

        Assert.Throws<ArgumentOutOfRangeException>(() => buffer.CopyTo(Stream.Null, 2, 5));
        Assert.Throws<InvalidOperationException>(() => buffer.GetSpan(1));
    }
}
