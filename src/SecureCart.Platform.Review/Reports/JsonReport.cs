using System.Text.Encodings.Web;
using System.Text.Json;
using SecureCart.Platform.Review.Parity;

namespace SecureCart.Platform.Review.Reports;

/// <summary>Machine-readable reports: counts are numbers, severities lowercase words.</summary>
public static class JsonReport
{
    internal static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Write(IReadOnlyList<ReviewResult> results, Stream output)
    {
        ArgumentNullException.ThrowIfNull(results);
        using var w = new Utf8JsonWriter(output, Options);
        w.WriteStartObject();
        w.WriteStartArray("stacks");
        foreach (var r in results)
        {
            w.WriteStartObject();
            w.WriteString("source", r.Header.Source);
            w.WriteString("stack", r.Stack);
            w.WriteString("format", r.Header.Format.ToString());
            w.WriteBoolean("failed", r.Failed);
            w.WriteString("digest", r.Digest);
            if (r.PlanMatches is { } matches)
            {
                w.WriteBoolean("planMatches", matches);
            }

            w.WriteBoolean("maybeCorrupt", r.Header.MaybeCorrupt);
            w.WriteString("result", r.Header.Result);
            w.WriteStartObject("changeSummary");
            foreach (var (op, count) in r.Header.ChangeSummary)
            {
                w.WriteNumber(op, count);
            }

            w.WriteEndObject();
            w.WriteStartObject("counts");
            foreach (var (op, count) in Words.Ordered(r.Counts))
            {
                w.WriteNumber(op, count);
            }

            w.WriteEndObject();
            w.WriteStartObject("replaceStrategies");
            foreach (var (strategy, count) in r.ReplaceStrategies)
            {
                w.WriteNumber(strategy, count);
            }

            w.WriteEndObject();
            w.WriteStartArray("diagnostics");
            foreach (var d in r.Header.Diagnostics)
            {
                w.WriteStartObject();
                w.WriteString("severity", d.Severity);
                w.WriteString("urn", d.Urn);
                w.WriteString("message", d.Message);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("unknownOperations");
            r.UnknownOperations.ToList().ForEach(w.WriteStringValue);
            w.WriteEndArray();
            w.WriteStartArray("findings");
            foreach (var f in r.Findings)
            {
                w.WriteStartObject();
                w.WriteString("ruleId", f.Rule.Id);
                w.WriteString("rule", f.Rule.Name);
                w.WriteString("severity", Words.Severity(f.Severity));
                w.WriteString("urn", f.Urn);
                w.WriteString("type", f.Type);
                w.WriteString("name", f.Name);
                w.WriteString("detail", f.Detail);
                w.WriteString("why", f.Rule.Why);
                w.WriteString("fix", f.Rule.Fix);
                w.WriteString("dataLoss", f.DataLoss);
                w.WriteStartArray("blastRadius");
                f.BlastRadius.ToList().ForEach(w.WriteStringValue);
                w.WriteEndArray();
                w.WriteNumber("line", f.Line);
                w.WriteEndObject();
                FlushEvery(w);
            }

            w.WriteEndArray();
            w.WriteStartArray("changes");
            if (r.Spilled is { } spilled)
            {
                spilled.WriteTo(w, output, r.Changes, WriteChange);
            }
            else
            {
                foreach (var c in r.Changes)
                {
                    WriteChange(w, c);
                }
            }

            w.WriteEndArray();
            w.WriteStartArray("stackOutputs");
            foreach (var p in r.Header.OutputChanges)
            {
                w.WriteStartObject();
                w.WriteString("name", p.Path);
                w.WriteString("kind", p.Kind);
                w.WriteString("old", p.Old);
                w.WriteString("new", p.New);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            if (r.Cost is { } cost)
            {
                w.WriteStartObject("cost");
                w.WriteString("region", cost.Region);
                w.WriteNumber("monthlyDelta", cost.MonthlyDelta);
                w.WriteString("priceAsOf", cost.PriceAsOf);
                w.WriteStartArray("lines");
                foreach (var line in cost.Lines)
                {
                    w.WriteStartObject();
                    w.WriteString("urn", line.Urn);
                    w.WriteString("operation", line.Operation);
                    if (line.MonthlyDelta is { } delta)
                    {
                        w.WriteNumber("monthlyDelta", delta);
                    }
                    else
                    {
                        w.WriteNull("monthlyDelta");
                    }

                    w.WriteString("basis", line.Basis);
                    w.WriteEndObject();
                    FlushEvery(w);
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>One element of a stack's `changes`; the spill writes them the same way.</summary>
    internal static void WriteChange(Utf8JsonWriter w, ResourceChange c)
    {
        w.WriteStartObject();
        w.WriteString(Names.Operation, c.Operation);
        w.WriteString(Names.Urn, c.Urn);
        w.WriteString(Names.Type, c.Type);
        w.WriteString(Names.Name, c.Name);
        w.WriteString(Names.Parent, c.Parent);
        if (c.Strategy != ReplaceStrategy.None)
        {
            w.WriteString(Names.Strategy, c.Strategy.ToString());
        }

        w.WriteStartArray(Names.ReplaceReasons);
        foreach (var reason in c.ReplaceReasons)
        {
            w.WriteStringValue(reason);
        }

        w.WriteEndArray();
        w.WriteStartArray(Names.Properties);
        foreach (var p in c.Properties)
        {
            w.WriteStartObject();
            w.WriteString(Names.Path, p.Path);
            w.WriteString(Names.Kind, p.Kind);
            w.WriteString(Names.Old, p.Old);
            w.WriteString(Names.New, p.New);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
        FlushEvery(w);
    }

    // A change's property names, encoded once: written as strings, each was transcoded and checked for
    // characters to escape again for every change, and a large report has hundreds of thousands.
    private static class Names
    {
        public static readonly JsonEncodedText Operation = Encode("operation");
        public static readonly JsonEncodedText Urn = Encode("urn");
        public static readonly JsonEncodedText Type = Encode("type");
        public static readonly JsonEncodedText Name = Encode("name");
        public static readonly JsonEncodedText Parent = Encode("parent");
        public static readonly JsonEncodedText Strategy = Encode("strategy");
        public static readonly JsonEncodedText ReplaceReasons = Encode("replaceReasons");
        public static readonly JsonEncodedText Properties = Encode("properties");
        public static readonly JsonEncodedText Path = Encode("path");
        public static readonly JsonEncodedText Kind = Encode("kind");
        public static readonly JsonEncodedText Old = Encode("old");
        public static readonly JsonEncodedText New = Encode("new");

        private static JsonEncodedText Encode(string name) => JsonEncodedText.Encode(name, Options.Encoder);
    }

    // The writer keeps what it wrote until flushed: hand it on in chunks so a large report streams out.
    private static void FlushEvery(Utf8JsonWriter w)
    {
        if (w.BytesPending >= 64 * 1024)
        {
            w.Flush();
        }
    }

    public static void Write(ParityReport report, Stream output)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var w = new Utf8JsonWriter(output, Options);
        w.WriteStartObject();
        w.WriteString("left", report.LeftStack);
        w.WriteString("right", report.RightStack);
        w.WriteBoolean("identical", report.Identical);
        w.WriteNumber("compared", report.Compared);
        w.WriteStartArray("differences");
        foreach (var d in report.Differences)
        {
            w.WriteStartObject();
            w.WriteString("type", d.Type);
            w.WriteString("name", d.Name);
            w.WriteString("path", d.Path);
            w.WriteString("left", d.Left);
            w.WriteString("right", d.Right);
            w.WriteString("allowedBecause", d.AllowedBecause);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }
}
