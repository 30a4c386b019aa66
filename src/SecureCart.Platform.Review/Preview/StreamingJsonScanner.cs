using System.Text.Json;

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
    private long _offsetBase;
    private long _lineBase = 1;
    private bool _sawDocument;
    private JsonReaderState _state = new(new JsonReaderOptions { AllowMultipleValues = true, MaxDepth = 256 });

    public InputFormat? Format { get; private set; }

    public void Scan(Action<ScannedValue> handler)
    {
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

            var consumed = Process(_buffer.AsSpan(0, _filled), final, handler);
            _lineBase += _buffer.AsSpan(0, consumed).Count((byte)'\n');
            _offsetBase += consumed;
            Buffer.BlockCopy(_buffer, consumed, _buffer, 0, _filled - consumed);
            _filled -= consumed;
            if (final)
            {
                break;
            }
        }

        if (Format is null)
        {
            throw new PreviewFormatException(source, _lineBase, _offsetBase, "the input is empty; expected the output of `pulumi preview --json`, an engine event log or `pulumi stack export`");
        }
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
                        var probe = reader;
                        if (!probe.TrySkip())
                        {
                            break;
                        }

                        var start = (int)reader.TokenStartIndex;
                        line += data[countedTo..start].Count((byte)'\n');
                        countedTo = start;
                        var name = depth is > 0 and <= 3 ? _names[Math.Min(depth, 2)] : null;
                        using var document = JsonDocument.ParseValue(ref reader);
                        handler(new ScannedValue(kind, name, document.RootElement, line, _offsetBase + start));
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

                Format = Detect(probe.TokenType == JsonTokenType.PropertyName ? probe.GetString() : null);
            }
            else if (Format != InputFormat.EngineEvents && _sawDocument)
            {
                throw Error(ref reader, "a second JSON document follows the first; expected exactly one");
            }

            _sawDocument = true;
            Array.Clear(_names);
            return Format == InputFormat.EngineEvents ? ScannedValueKind.EngineEvent : null;
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

    private static InputFormat Detect(string? firstProperty) => firstProperty switch
    {
        "version" or "deployment" or "features" => InputFormat.StackExport,
        "sequence" or "timestamp" => InputFormat.EngineEvents,
        { } name when name.EndsWith("Event", StringComparison.Ordinal) => InputFormat.EngineEvents,
        _ => InputFormat.PreviewDigest,
    };
}
