using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace SecureCart.Platform.Review.Preview;

/// <summary>
/// Walks a Pulumi JSON input with <see cref="Utf8JsonReader"/> over a growing window of the stream and hands
/// over one step, event or resource at a time as a small <see cref="JsonDocument"/>, so a 100,000-step preview
/// is never held in memory, let alone twice. Only the window (at least one whole step) is buffered.
/// </summary>
internal sealed class StreamingJsonScanner(Stream stream, string source, int maxValueBytes)
{
    private const int InitialBuffer = 64 * 1024;
    private readonly string?[] _names = new string?[4];
    private byte[] _buffer = new byte[InitialBuffer];
    private int _filled;
    private int _validated;
    private long _offsetBase;
    private long _lineBase = 1;
    private bool _sawDocument;
    private bool _handOver;
    private JsonReaderState _state = new(new JsonReaderOptions { AllowMultipleValues = true, MaxDepth = 256 });

    public InputFormat? Format { get; private set; }

    /// <summary>The names of the top-level object's fields (not collected for JSON-lines event logs).</summary>
    public HashSet<string> TopFields { get; } = new(StringComparer.Ordinal);

    /// <param name="handOver">
    /// The handler takes ownership of each value's <see cref="ScannedValue.Document"/> (to judge it on another
    /// thread) and disposes it; otherwise each value is disposed as soon as the handler returns.
    /// </param>
    public void Scan(Action<ScannedValue> handler, bool handOver = false)
    {
        _handOver = handOver;
        var final = false;
        while (true)
        {
            if (!final)
            {
                if (_filled == _buffer.Length)
                {
                    Grow();
                }

                var read = stream.Read(_buffer, _filled, _buffer.Length - _filled);
                if (read == 0)
                {
                    final = true;
                }

                _filled += read;
            }

            Validate(final);
            var consumed = Process(_buffer.AsSpan(0, _validated), final, handler);
            _lineBase += _buffer.AsSpan(0, consumed).Count((byte)'\n');
            _offsetBase += consumed;
            Buffer.BlockCopy(_buffer, consumed, _buffer, 0, _filled - consumed);
            _filled -= consumed;
            _validated -= consumed;
            if (final)
            {
                break;
            }
        }

        if (Format is null)
        {
            throw new PreviewFormatException(source, _lineBase, _offsetBase, "the input is empty; " + Expected);
        }
    }

    internal const string Expected = "expected the output of `pulumi preview --json`, an engine event log (JSON lines or the Pulumi Cloud `{\"events\": [...]}` document) or `pulumi stack export`";

    // System.Text.Json does not check the UTF-8 inside strings it is not asked to decode, so every byte is
    // checked here before the reader sees it; a sequence cut by the end of a read waits for the next read.
    private void Validate(bool final)
    {
        var span = _buffer.AsSpan(_validated, _filled - _validated);
        var end = span.Length;
        if (!final)
        {
            var back = 0;
            while (end > 0 && back < 3 && (span[end - 1] & 0xC0) == 0x80)
            {
                end--;
                back++;
            }

            if (end > 0 && span[end - 1] >= 0xC0)
            {
                end--;
            }
            else if (back > 0)
            {
                end += back;
            }
        }

        var check = span[..end];
        if (!Utf8.IsValid(check))
        {
            var at = 0;
            while (Rune.DecodeFromUtf8(check[at..], out _, out var length) == System.Buffers.OperationStatus.Done)
            {
                at += length;
            }

            var position = _validated + at;
            var line = _lineBase + _buffer.AsSpan(0, position).Count((byte)'\n');
            throw new PreviewFormatException(source, line, _offsetBase + position, $"invalid UTF-8 (byte 0x{_buffer[position]:X2}); Pulumi writes UTF-8, so the file was damaged or re-encoded after it was written");
        }

        _validated += end;
    }

    private void Grow()
    {
        if (_buffer.Length >= maxValueBytes)
        {
            throw new PreviewFormatException(source, _lineBase, _offsetBase, $"a single value is larger than {maxValueBytes / (1024 * 1024)} MiB; the input is not a Pulumi preview this reader accepts");
        }

        Array.Resize(ref _buffer, (int)Math.Min((long)_buffer.Length * 2, maxValueBytes));
    }

    private int Process(ReadOnlySpan<byte> data, bool final, Action<ScannedValue> handler)
    {
        var reader = new Utf8JsonReader(data, final, _state);
        long safe = 0;
        var safeState = _state;
        var countedTo = 0;
        var line = _lineBase;
        try
        {
            while (reader.Read())
            {
                var depth = reader.CurrentDepth;
                var token = reader.TokenType;
                if (token == JsonTokenType.PropertyName)
                {
                    if (depth < _names.Length)
                    {
                        _names[depth] = reader.GetString();
                        if (depth == 1 && Format != InputFormat.EngineEvents && TopFields.Count < 64)
                        {
                            TopFields.Add(_names[depth]!);
                        }
                    }
                }
                else if (token is not (JsonTokenType.EndObject or JsonTokenType.EndArray))
                {
                    var capture = Classify(ref reader, depth, token, final, out var needMore);
                    if (needMore)
                    {
                        break;
                    }

                    if (capture is { } kind)
                    {
                        // TryParseValue finds the value's end itself and leaves the reader where it was when the
                        // window holds only part of it; a separate skip first read every step once more.
                        var start = (int)reader.TokenStartIndex;
                        if (!JsonDocument.TryParseValue(ref reader, out var document))
                        {
                            break;
                        }

                        line += data[countedTo..start].Count((byte)'\n');
                        countedTo = start;
                        var name = depth is > 0 and <= 3 ? _names[Math.Min(depth, 2)] : null;
                        if (_handOver)
                        {
                            handler(new ScannedValue(kind, name, document.RootElement, line, _offsetBase + start, document));
                        }
                        else
                        {
                            using (document)
                            {
                                handler(new ScannedValue(kind, name, document.RootElement, line, _offsetBase + start));
                            }
                        }
                    }
                }

                safe = reader.BytesConsumed;
                safeState = reader.CurrentState;
            }
        }
        catch (JsonException ex)
        {
            var problem = ex.Message.Split(" LineNumber:", 2)[0].Split(" Path:", 2)[0].TrimEnd();
            throw new PreviewFormatException(source, (ex.LineNumber ?? 0) + 1, _offsetBase + reader.BytesConsumed, $"not valid JSON: {problem}", ex);
        }

        _state = safeState;
        return (int)safe;
    }

    private ScannedValueKind? Classify(ref Utf8JsonReader reader, int depth, JsonTokenType token, bool final, out bool needMore)
    {
        needMore = false;
        if (depth == 0)
        {
            if (token != JsonTokenType.StartObject)
            {
                throw Error(ref reader, "expected a JSON object at the top level");
            }

            if (Format is null)
            {
                var probe = reader;
                if (!probe.Read())
                {
                    needMore = !final;
                    return null;
                }

                Format = Detect(ref reader, probe.TokenType == JsonTokenType.PropertyName ? probe.GetString() : null);
            }
            else if (Format != InputFormat.EngineEvents && _sawDocument)
            {
                throw Error(ref reader, "a second JSON document follows the first; expected exactly one");
            }

            _sawDocument = true;
            Array.Clear(_names);
            return Format == InputFormat.EngineEvents ? ScannedValueKind.EngineEvent : null;
        }

        if (Format == InputFormat.CloudEvents)
        {
            return depth switch
            {
                1 when _names[1] == "events" => token switch
                {
                    JsonTokenType.StartArray or JsonTokenType.Null => null,
                    _ => throw Error(ref reader, "`events` must be an array"),
                },
                1 => ScannedValueKind.DeploymentField,
                2 => token == JsonTokenType.StartObject ? ScannedValueKind.EngineEvent : throw Error(ref reader, "each of `events` must be an engine event object"),
                _ => throw Error(ref reader, "unexpected nesting"),
            };
        }

        return (Format, depth) switch
        {
            (InputFormat.PreviewDigest, 1) when _names[1] == "steps" => token switch
            {
                JsonTokenType.StartArray or JsonTokenType.Null => null,
                _ => throw Error(ref reader, "`steps` must be an array"),
            },
            (InputFormat.PreviewDigest, 1) => ScannedValueKind.PreviewField,
            (InputFormat.PreviewDigest, 2) => ScannedValueKind.PreviewStep,
            (InputFormat.StackExport, 1) when _names[1] == "deployment" => token == JsonTokenType.StartObject
                ? null
                : throw Error(ref reader, "`deployment` must be an object"),
            (InputFormat.StackExport, 1) => ScannedValueKind.ExportField,
            (InputFormat.StackExport, 2) when _names[2] == "resources" => token switch
            {
                JsonTokenType.StartArray or JsonTokenType.Null => null,
                _ => throw Error(ref reader, "`deployment.resources` must be an array"),
            },
            (InputFormat.StackExport, 2) => ScannedValueKind.DeploymentField,
            (InputFormat.StackExport, 3) => ScannedValueKind.ExportResource,
            _ => throw Error(ref reader, "unexpected nesting"),
        };
    }

    private PreviewFormatException Error(ref Utf8JsonReader reader, string problem)
    {
        var consumed = (int)reader.TokenStartIndex;
        var line = _lineBase + _buffer.AsSpan(0, consumed).Count((byte)'\n');
        return new PreviewFormatException(source, line, _offsetBase + consumed, problem);
    }

    // Go's encoding/json writes fields in declaration order, so the first name says which document this is:
    // display.PreviewDigest, apitype.UntypedDeployment, apitype.EngineEvent, apitype.GetUpdateEventsResponse.
    private InputFormat Detect(ref Utf8JsonReader reader, string? firstProperty) => firstProperty switch
    {
        "config" or "steps" or "diagnostics" or "duration" or "changeSummary" or "maybeCorrupt" => InputFormat.PreviewDigest,
        "version" or "deployment" or "features" => InputFormat.StackExport,
        "sequence" or "timestamp" => InputFormat.EngineEvents,
        { } name when name.EndsWith("Event", StringComparison.Ordinal) => InputFormat.EngineEvents,
        "events" or "continuationToken" => InputFormat.CloudEvents,
        "manifest" or "resourcePlans" => throw Error(ref reader, "this is a deployment plan (`pulumi preview --save-plan`), not a preview; review the `pulumi preview --json` output and pass the plan with `--plan`"),
        null => throw Error(ref reader, "the JSON object is empty; " + Expected),
        { } name => throw Error(ref reader, $"a JSON object whose first field is `{Excerpt.Of(name)}` is not a Pulumi document this reads; " + Expected),
    };
}
