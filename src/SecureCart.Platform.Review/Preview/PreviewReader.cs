using System.Collections.Immutable;
using System.Text;
using System.Text.Json;

namespace SecureCart.Platform.Review.Preview;

/// <summary>
/// Reads `pulumi preview --json` (pkg/display/json.go `PreviewDigest`), the JSON-lines engine event log
/// (sdk/go/common/apitype/events.go `EngineEvent`) and `pulumi stack export` (apitype `UntypedDeployment`
/// with a `DeploymentV3`, versions 3 and 4), streaming the steps to a callback one at a time.
/// Unknown fields are ignored; a wrong type or broken JSON is a <see cref="PreviewFormatException"/>.
/// </summary>
public sealed class PreviewReader(PreviewReaderOptions? options = null)
{
    private readonly PreviewReaderOptions _options = options ?? new PreviewReaderOptions();

    /// <inheritdoc cref="Read"/>
    public PreviewHeader ReadFile(string path, Action<PreviewStep> onStep, Action<PreviewStep>? onRead = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        return Read(stream, path, onStep, onRead);
    }

    /// <param name="stream">The input; the caller owns it.</param>
    /// <param name="source">The file name for messages.</param>
    /// <param name="onStep">Called for each step in input order, on the caller's thread.</param>
    /// <param name="onRead">
    /// Called for each step once, before <paramref name="onStep"/> gets it: for work that needs only the step
    /// itself (a hash of it). When reading is pipelined it runs on the reading thread, beside the judging, or, for
    /// a step read while the judging side is waiting for steps, on the caller's thread just before
    /// <paramref name="onStep"/>; so it may run on both threads at once for different steps and must be safe for
    /// that. It must share no state with <paramref name="onStep"/>; everything it did is visible once this method
    /// returns.
    /// </param>
    public PreviewHeader Read(Stream stream, string source, Action<PreviewStep> onStep, Action<PreviewStep>? onRead = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(onStep);
        // The caller owns `stream`; the wrappers leave it open.
        using var utf8 = TextEncodingDetector.OpenUtf8(stream);
        var scanner = new StreamingJsonScanner(utf8, source, _options.MaxValueBytes);
        var collector = new Collector(source, _options.KeepValues, onStep, onRead);
        try
        {
            if (_options.Pipelined && Environment.ProcessorCount > 1)
            {
                Pipelined(scanner, collector);
            }
            else
            {
                scanner.Scan(value => collector.Handle(collector.Prepare(value)));
            }
        }
        catch (DecoderFallbackException ex)
        {
            throw new PreviewFormatException(source, 0, 0, $"the text is not valid in the encoding its byte-order mark names: {ex.Message}", ex);
        }

        return collector.Header(scanner.Format!.Value, scanner.TopFields);
    }

    // Reading (UTF-8 checks, tokenising, parsing each step, the caller's onRead) on one thread and judging on the caller's, with a
    // bounded queue between them so memory stays flat when one side is slower. Values are handled in input
    // order, exactly as in a single-threaded scan; the first error on either side ends both, and the reader's
    // errors surface only after every value read before them was handled, as they would have been.
    private static void Pipelined(StreamingJsonScanner scanner, Collector collector)
    {
        var queue = new HandOverQueue<ScannedValue>(QueueLength);
        var reading = Task.Factory.StartNew(
            () =>
            {
                try
                {
                    // Which thread runs onRead balances the two: while the judging side waits for steps, the
                    // reading side is the one holding the review up, and leaves that work to it.
                    scanner.Scan(value => queue.Add(collector.Prepare(value, read: queue.Count >= queue.WakeBatch)), handOver: true);
                }
                finally
                {
                    queue.Complete();
                }
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);
        try
        {
            while (queue.TryTake(out var value))
            {
                using (value.Document)
                {
                    collector.Handle(value);
                }
            }
        }
        catch
        {
            queue.Cancel();
            try
            {
                reading.Wait();
            }
            catch (AggregateException)
            {
                // The handler's error is the one to report: the reader only stopped because of it.
            }

            while (queue.TryTake(out var left))
            {
                left.Document?.Dispose();
            }

            throw;
        }

        reading.GetAwaiter().GetResult();
    }

    // Each value in the queue holds two arrays rented from the shared pool (its bytes and its index), rented on
    // the reading thread and returned on this one. The pool keeps some 32 arrays of a size per core; with 256
    // values queued, every time the queue filled and drained most returned arrays were dropped and the next
    // ones allocated afresh (100 MiB per 100,000 steps). 24 values stay within what the pool keeps.
    private const int QueueLength = 24;

    private sealed class Collector(string source, bool keep, Action<PreviewStep> onStep, Action<PreviewStep>? onRead)
    {
        private readonly ImmutableArray<PreviewDiagnostic>.Builder _diagnostics = ImmutableArray.CreateBuilder<PreviewDiagnostic>();
        private readonly HashSet<(string Op, string Urn)> _seenEvents = [];
        private readonly HashSet<string> _preUrns = new(StringComparer.Ordinal);
        private ImmutableSortedDictionary<string, string> _config = ImmutableSortedDictionary<string, string>.Empty;
        private ImmutableSortedDictionary<string, int> _changeSummary = ImmutableSortedDictionary<string, int>.Empty;
        private ImmutableArray<string> _features = [];
        private TimeSpan? _duration;
        private bool _maybeCorrupt;
        private int? _version;
        private int _steps;
        private int _parsed;

        // One pool for each thread that parses: Prepare's (the reading thread's, when pipelined) and Handle's.
        private readonly StringPool _readPool = new();
        private readonly StringPool _pool = new();
        private int _repeated;
        private int _events;
        private string? _pulumiVersion;
        private ImmutableArray<PropertyChange> _outputs = [];
        private string? _result;
        private bool? _isPreview;
        private readonly ImmutableArray<PolicyViolation>.Builder _policies = ImmutableArray.CreateBuilder<PolicyViolation>();

        /// <summary>
        /// The part of handling a value that depends on that value alone: parsing a preview's step (each is a
        /// step of its own, unlike events, which are matched with the ones before them) and <c>onRead</c>.
        /// Runs on the reading thread when pipelined; touches nothing <see cref="Handle"/> uses. Without
        /// <paramref name="read"/>, <c>onRead</c> is left to <see cref="Handle"/>.
        /// </summary>
        public ScannedValue Prepare(ScannedValue value, bool read = true)
        {
            if (value.Kind != ScannedValueKind.PreviewStep)
            {
                return value;
            }

            PreviewStep step;
            try
            {
                step = StepParser.FromPreview(value.Value, _parsed, value.Line, keep, _readPool);
            }
            catch (Exception ex) when (ex is FormatException or InvalidOperationException)
            {
                value.Document?.Dispose();
                throw new PreviewFormatException(source, value.Line, value.Offset, ex.Message, ex);
            }

            _parsed++;
            if (onRead is null)
            {
                return value with { Step = step };
            }

            if (!read)
            {
                return value with { Step = step, ReadLeft = true };
            }

            onRead(step);
            return value with { Step = step };
        }

        public void Handle(ScannedValue value)
        {
            try
            {
                switch (value.Kind)
                {
                    case ScannedValueKind.PreviewStep:
                        var step = value.Step!;
                        if (value.ReadLeft)
                        {
                            onRead!(step);
                        }

                        StackOutputs(step);
                        _steps++;
                        onStep(step);
                        break;
                    case ScannedValueKind.PreviewField:
                        PreviewField(value.Name, value.Value);
                        break;
                    case ScannedValueKind.EngineEvent:
                        Event(value);
                        break;
                    case ScannedValueKind.ExportField:
                        ExportField(value.Name, value.Value);
                        break;
                    case ScannedValueKind.ExportResource:
                        var state = StateParser.Parse(value.Value, $"deployment.resources[{_steps}]", keep, _pool)
                            ?? throw new FormatException($"deployment.resources[{_steps}] is null");
                        Emit(new PreviewStep { Op = StepOperations.Same, Urn = Urn(state.Urn), New = state, Line = value.Line, FromExport = true });
                        break;
                    case ScannedValueKind.DeploymentField when value.Name == "manifest":
                        // apitype.ManifestV1.version: the Pulumi CLI that wrote the state.
                        _pulumiVersion = JsonFields.String(value.Value, "version", "deployment.manifest");
                        break;
                    case ScannedValueKind.DeploymentField:
                    default:
                        break;
                }
            }
            catch (Exception ex) when (ex is FormatException or InvalidOperationException)
            {
                throw new PreviewFormatException(source, value.Line, value.Offset, ex.Message, ex);
            }
        }

        public PreviewHeader Header(InputFormat format, HashSet<string> fields)
        {
            if (format == InputFormat.StackExport && _version is null)
            {
                throw new PreviewFormatException(source, 1, 0, "the stack export has no `version`");
            }

            // A document that only looks like one of ours by its first field must still carry what makes it one;
            // otherwise `{"config": {}}` would pass as a preview with no changes.
            var missing = format switch
            {
                InputFormat.StackExport when !fields.Contains("deployment") => "the stack export has no `deployment`",
                InputFormat.CloudEvents when !fields.Contains("events") => "the Pulumi Cloud events document has no `events`",
                InputFormat.PreviewDigest when !fields.Overlaps(["steps", "changeSummary", "duration", "diagnostics"]) =>
                    "the document has none of `steps`, `changeSummary`, `duration` or `diagnostics`, so it is not `pulumi preview --json` output",
                InputFormat.EngineEvents or InputFormat.CloudEvents when _events == 0 => "the event log holds no engine events",
                _ => null,
            };
            if (missing is not null)
            {
                throw new PreviewFormatException(source, 1, 0, missing + "; " + StreamingJsonScanner.Expected);
            }

            return new PreviewHeader
            {
                Source = source,
                Format = format,
                Config = _config,
                ChangeSummary = _changeSummary,
                Diagnostics = _diagnostics.ToImmutable(),
                Duration = _duration,
                MaybeCorrupt = _maybeCorrupt,
                ExportVersion = _version,
                ExportFeatures = _features,
                Result = _result,
                IsPreview = _isPreview,
                PolicyViolations = _policies.ToImmutable(),
                OutputChanges = _outputs,
                PulumiVersion = _pulumiVersion,
                StepCount = _steps,
                RepeatedEvents = _repeated,
            };
        }

        private void Emit(PreviewStep step)
        {
            _steps++;
            onRead?.Invoke(step);
            onStep(step);
        }

        private void PreviewField(string? name, JsonElement value)
        {
            switch (name)
            {
                case "config":
                    _config = StringMap(value, "config");
                    break;
                case "changeSummary":
                    _changeSummary = Counts(value, "changeSummary");
                    break;
                case "diagnostics" when value.ValueKind == JsonValueKind.Array:
                    foreach (var item in value.EnumerateArray())
                    {
                        _diagnostics.Add(new PreviewDiagnostic(
                            JsonFields.String(item, "urn", "diagnostics[]"),
                            JsonFields.String(item, "severity", "diagnostics[]") ?? "info",
                            JsonFields.String(item, "message", "diagnostics[]") ?? ""));
                    }

                    break;
                case "diagnostics" when value.ValueKind != JsonValueKind.Null:
                    throw new FormatException($"diagnostics must be an array, not {JsonFields.Kind(value)}");
                case "duration" when value.ValueKind == JsonValueKind.Number:
                    // time.Duration marshals as nanoseconds.
                    _duration = TimeSpan.FromTicks(value.GetInt64() / 100);
                    break;
                case "maybeCorrupt":
                    _maybeCorrupt = value.ValueKind == JsonValueKind.True;
                    break;
                default:
                    break;
            }
        }

        private void ExportField(string? name, JsonElement value)
        {
            switch (name)
            {
                case "version":
                    _version = value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var version)
                        ? version
                        : throw new FormatException($"version must be a number, not {JsonFields.Kind(value)}");
                    if (_version is < 3 or > 4)
                    {
                        throw new FormatException($"deployment schema version {_version} is not supported; this reads versions 3 and 4 (`pulumi stack export` since CLI 1.0)");
                    }

                    break;
                case "features":
                    _features = value.ValueKind == JsonValueKind.Array
                        ? [.. value.EnumerateArray().Select(f => f.ValueKind == JsonValueKind.String ? f.GetString()! : throw new FormatException("features must be an array of strings"))]
                        : [];
                    break;
                default:
                    break;
            }
        }

        private void Event(ScannedValue scanned)
        {
            var e = scanned.Value;
            _events++;
            if (JsonFields.Object(e, "preludeEvent", "event") is { ValueKind: JsonValueKind.Object } prelude)
            {
                _config = StringMap(JsonFields.Get(prelude, "config"), "preludeEvent.config");
            }
            else if (ResourceEvent(e, "resourcePreEvent") is { } pre)
            {
                StepEvent(pre, scanned.Line, outputs: false);
            }
            else if (ResourceEvent(e, "resOutputsEvent") is { } outputs)
            {
                StepEvent(outputs, scanned.Line, outputs: true);
            }
            else if (ResourceEvent(e, "resOpFailedEvent") is { } failed)
            {
                _diagnostics.Add(new PreviewDiagnostic(JsonFields.String(failed, "urn", "resOpFailedEvent.metadata"), "error", "the resource operation failed"));
            }
            else if (JsonFields.Object(e, "diagnosticEvent", "event") is { ValueKind: JsonValueKind.Object } diagnostic)
            {
                _diagnostics.Add(new PreviewDiagnostic(
                    JsonFields.String(diagnostic, "urn", "diagnosticEvent"),
                    JsonFields.String(diagnostic, "severity", "diagnosticEvent") ?? "info",
                    JsonFields.String(diagnostic, "message", "diagnosticEvent") ?? ""));
            }
            else if (JsonFields.Object(e, "policyEvent", "event") is { ValueKind: JsonValueKind.Object } policy)
            {
                // apitype.PolicyEvent: enforcementLevel is "warning" (advisory), "mandatory", "remediate" or "none".
                var violation = new PolicyViolation(
                    JsonFields.String(policy, "resourceUrn", "policyEvent"),
                    JsonFields.String(policy, "policyPackName", "policyEvent") ?? "",
                    JsonFields.String(policy, "policyName", "policyEvent") ?? "",
                    JsonFields.String(policy, "enforcementLevel", "policyEvent") ?? "",
                    JsonFields.String(policy, "severity", "policyEvent"),
                    JsonFields.String(policy, "message", "policyEvent") ?? "",
                    scanned.Line);
                _policies.Add(violation);
                if (violation.Mandatory)
                {
                    _diagnostics.Add(new PreviewDiagnostic(violation.Urn, "error", $"policy {violation.Policy}: {violation.Message}"));
                }
            }
            else if (JsonFields.Object(e, "summaryEvent", "event") is { ValueKind: JsonValueKind.Object } summary)
            {
                _changeSummary = Counts(JsonFields.Get(summary, "resourceChanges"), "summaryEvent.resourceChanges");
                _maybeCorrupt = JsonFields.Bool(summary, "maybeCorrupt", "summaryEvent");
                _duration = JsonFields.Long(summary, "durationSeconds", "summaryEvent") is { } seconds ? TimeSpan.FromSeconds(seconds) : null;
                _result = JsonFields.String(summary, "result", "summaryEvent");
                _isPreview = JsonFields.Get(summary, "isPreview").ValueKind switch
                {
                    JsonValueKind.True => true,
                    JsonValueKind.False => false,
                    _ => null,
                };
            }
        }

        private void StackOutputs(PreviewStep step)
        {
            // The engine may register the stack's outputs more than once; the last registration is what stays.
            if (step.Type == OutputChanges.StackType && step.New is { Outputs.ValueKind: JsonValueKind.Object } now && now.Outputs.EnumerateObject().Any())
            {
                _outputs = OutputChanges.Between(step.Old?.Outputs ?? default, now.Outputs);
            }
        }

        private static JsonElement? ResourceEvent(JsonElement e, string name) =>
            JsonFields.Object(e, name, "event") is { ValueKind: JsonValueKind.Object } body
                ? JsonFields.Object(body, "metadata", name) is { ValueKind: JsonValueKind.Object } metadata
                    ? metadata
                    : throw new FormatException($"{name} has no `metadata`")
                : null;

        private void StepEvent(JsonElement metadata, long line, bool outputs)
        {
            var op = JsonFields.RequiredString(metadata, "op", "metadata");
            var urn = JsonFields.RequiredString(metadata, "urn", "metadata");

            // The stack's new outputs are only known once the program registered them: in its outputs event.
            if (outputs && JsonFields.String(metadata, "type", "metadata") == OutputChanges.StackType)
            {
                StackOutputs(StepParser.FromEvent(metadata, "metadata", keep, _pool));
            }

            // The engine sends a resourcePreEvent and then a resOutputsEvent for the same step; the outputs event
            // of a refresh may carry the op the refresh turned into, so any step of the URN already read covers it.
            if (outputs ? _preUrns.Contains(urn) || !_seenEvents.Add((op, urn)) : !_seenEvents.Add((op, urn)))
            {
                _repeated++;
                return;
            }

            _preUrns.Add(urn);

            Emit(StepParser.FromEvent(metadata, "metadata", keep, _pool, line));
        }

        private static ImmutableSortedDictionary<string, string> StringMap(JsonElement value, string where)
        {
            if (value.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null)
            {
                return ImmutableSortedDictionary<string, string>.Empty;
            }

            if (value.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException($"{where} must be an object, not {JsonFields.Kind(value)}");
            }

            var builder = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
            foreach (var property in value.EnumerateObject())
            {
                builder[property.Name] = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : property.Value.GetRawText();
            }

            return builder.ToImmutable();
        }

        private static ImmutableSortedDictionary<string, int> Counts(JsonElement value, string where)
        {
            if (value.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null)
            {
                return ImmutableSortedDictionary<string, int>.Empty;
            }

            if (value.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException($"{where} must be an object, not {JsonFields.Kind(value)}");
            }

            var builder = ImmutableSortedDictionary.CreateBuilder<string, int>(StringComparer.Ordinal);
            foreach (var property in value.EnumerateObject())
            {
                builder[property.Name] = property.Value.ValueKind == JsonValueKind.Number && property.Value.TryGetInt32(out var count)
                    ? count
                    : throw new FormatException($"{where}.{property.Name} must be a count, not {JsonFields.Kind(property.Value)}");
            }

            return builder.ToImmutable();
        }

        private static ResourceUrn Urn(string value) =>
            ResourceUrn.TryParse(value, out var urn) ? urn : throw new FormatException($"'{Shorten(value)}' is not a Pulumi URN");

        private static string Shorten(string value) => value.Length > 80 ? value[..80] + "…" : value;
    }
}
