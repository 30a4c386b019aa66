using System.Text;

namespace SecureCart.Platform.Review.Preview;

/// <summary>
/// Pulumi writes UTF-8, but a preview saved by PowerShell (`Tee-Object`, `Out-File`) is UTF-16 with a
/// byte-order mark. Returns a stream of UTF-8 without a BOM, transcoding UTF-16 and UTF-32 on the fly.
/// </summary>
internal static class TextEncodingDetector
{
    public static Stream OpenUtf8(Stream input)
    {
        var head = new byte[4];
        var count = 0;
        while (count < head.Length)
        {
            var read = input.Read(head, count, head.Length - count);
            if (read == 0)
            {
                break;
            }

            count += read;
        }

        var (encoding, bom) = Detect(head.AsSpan(0, count));
        var rest = new PrefixedStream(head.AsMemory(bom, count - bom), input);
        return encoding is null ? rest : Encoding.CreateTranscodingStream(rest, encoding, Encoding.UTF8, leaveOpen: false);
    }

    private static (Encoding? Encoding, int Bom) Detect(ReadOnlySpan<byte> head) => head switch
    {
        [0xEF, 0xBB, 0xBF, ..] => (null, 3),
        [0xFF, 0xFE, 0x00, 0x00] => (new UTF32Encoding(bigEndian: false, byteOrderMark: false, throwOnInvalidCharacters: true), 4),
        [0x00, 0x00, 0xFE, 0xFF] => (new UTF32Encoding(bigEndian: true, byteOrderMark: false, throwOnInvalidCharacters: true), 4),
        [0xFF, 0xFE, ..] => (new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true), 2),
        [0xFE, 0xFF, ..] => (new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true), 2),
        _ => (null, 0),
    };

    /// <summary>Replays the bytes read to look for a BOM, then reads on from the original stream.</summary>
    private sealed class PrefixedStream(ReadOnlyMemory<byte> prefix, Stream inner) : Stream
    {
        private ReadOnlyMemory<byte> _prefix = prefix;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            if (_prefix.IsEmpty)
            {
                return inner.Read(buffer);
            }

            var n = Math.Min(buffer.Length, _prefix.Length);
            _prefix.Span[..n].CopyTo(buffer);
            _prefix = _prefix[n..];
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        // The inner stream belongs to the caller of PreviewReader.Read and is left open.
    }
}
