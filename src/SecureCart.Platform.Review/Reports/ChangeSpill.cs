using System.Collections.Immutable;
using System.Text.Json;

namespace SecureCart.Platform.Review.Reports;

/// <summary>
/// Writes finished changes as the JSON report will hold them, to a temporary file beside the report, while the
/// preview is still being read: the report's header (digest, counts, findings) is only known at the end, and
/// holding every change until then made memory grow with the size of the change.
/// </summary>
internal sealed class ChangeSpill : IDisposable
{
    private readonly FileStream _file;
    private readonly Utf8JsonWriter _writer;
    private readonly ImmutableArray<long>.Builder _heldAt = ImmutableArray.CreateBuilder<long>();
    private readonly long _start;
    private long _firstEnd = -1;
    private int _count;
    private bool _finished;

    public ChangeSpill(string directory)
    {
        var path = Path.Combine(directory, $".securecart-review-{Guid.NewGuid():N}.tmp");
        _file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
        _writer = new Utf8JsonWriter(_file, JsonReport.Options);
        EnterChanges(_writer);
        _start = Position;
    }

    /// <summary>
    /// The same nesting as the report's `changes`, so the indentation is the report's; the null ahead of the
    /// first change makes every change written after it start with its separator.
    /// </summary>
    public static void EnterChanges(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteStartArray("stacks");
        writer.WriteStartObject();
        writer.WriteStartArray("changes");
        writer.WriteNullValue();
    }

    private long Position => _writer.BytesCommitted + _writer.BytesPending;

    public void Add(ResourceChange change)
    {
        JsonReport.WriteChange(_writer, change);
        _count++;
        if (_firstEnd < 0)
        {
            _firstEnd = Position;
        }
    }

    /// <summary>A change kept in memory (it takes more steps) belongs here, between the ones spilled.</summary>
    public void Hold() => _heldAt.Add(Position);

    /// <summary>Hands the file over: disposing the result deletes it.</summary>
    public SpilledChanges Finish()
    {
        _writer.Flush();
        var end = Position;
        _writer.Dispose();
        _finished = true;
        return new SpilledChanges(_file, _start, _firstEnd, end, _count, _heldAt.ToImmutable());
    }

    public void Dispose()
    {
        if (!_finished)
        {
            _writer.Dispose();
            _file.Dispose();
        }
    }
}
