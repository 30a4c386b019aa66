using System.Globalization;
using System.Text.Json;

namespace SecureCart.Platform.Review.Benchmark;

/// <summary>
/// Writes a `pulumi preview --json` document of N steps shaped like the real ones (old and new state with
/// inputs, outputs and dependencies, diff reasons, detailed diff), mixing creates, updates, replaces, deletes
/// and sames, plus a few risky ones so the rules have work to do.
/// </summary>
internal static class PreviewGenerator
{
    public static void Write(string path, int steps)
    {
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = false });
        w.WriteStartObject();
        w.WriteStartObject("config");
        w.WriteString("aws:region", "us-east-1");
        w.WriteEndObject();
        w.WriteStartArray("steps");
        for (var i = 0; i < steps; i++)
        {
            Step(w, i);
            if (i % 1000 == 0)
            {
                w.Flush();
            }
        }

        w.WriteEndArray();
        w.WriteNumber("duration", 123_000_000_000);
        w.WriteStartObject("changeSummary");
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void Step(Utf8JsonWriter w, int i)
    {
        var (op, type) = (i % 10) switch
        {
            0 => ("create", "aws:sqs/queue:Queue"),
            1 or 2 or 3 => ("update", "aws:ecs/service:Service"),
            4 => ("replace", "aws:ec2/securityGroup:SecurityGroup"),
            5 => ("delete", "aws:sqs/queue:Queue"),
            6 when i % 1000 == 6 => ("update", "aws:rds/instance:Instance"),
            _ => ("same", "aws:s3/bucket:Bucket"),
        };
        var name = string.Create(CultureInfo.InvariantCulture, $"resource-{i}");
        var urn = $"urn:pulumi:prod-us::securecart::securecart:service:Checkout$%{type}::{name}".Replace("$%", "$", StringComparison.Ordinal);
        w.WriteStartObject();
        w.WriteString("op", op);
        w.WriteString("urn", urn);
        w.WriteString("provider", "urn:pulumi:prod-us::securecart::pulumi:providers:aws::default_7_48_0::0b5b6d3e-6c1d-4a43-9d55-1c1f5a0f2e11");
        if (op != "create")
        {
            w.WritePropertyName("oldState");
            State(w, urn, type, i, before: true);
        }

        if (op != "delete")
        {
            w.WritePropertyName("newState");
            State(w, urn, type, i, before: false);
        }

        if (op is "update" or "replace")
        {
            w.WriteStartArray("diffReasons");
            w.WriteStringValue("desiredCount");
            w.WriteStringValue("tags");
            w.WriteEndArray();
            if (op == "replace")
            {
                w.WriteStartArray("replaceReasons");
                w.WriteStringValue("description");
                w.WriteEndArray();
            }

            w.WriteStartObject("detailedDiff");
            w.WriteStartObject(op == "replace" ? "description" : "desiredCount");
            w.WriteString("kind", op == "replace" ? "update-replace" : "update");
            w.WriteBoolean("inputDiff", false);
            w.WriteEndObject();
            w.WriteStartObject("tags.Version");
            w.WriteString("kind", "update");
            w.WriteBoolean("inputDiff", false);
            w.WriteEndObject();
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("detailedDiff");
        }

        w.WriteEndObject();
    }

    private static void State(Utf8JsonWriter w, string urn, string type, int i, bool before)
    {
        w.WriteStartObject();
        w.WriteString("urn", urn);
        w.WriteBoolean("custom", true);
        w.WriteString("id", string.Create(CultureInfo.InvariantCulture, $"id-{i:x8}"));
        w.WriteString("type", type);
        w.WriteStartObject("inputs");
        w.WriteString("name", string.Create(CultureInfo.InvariantCulture, $"securecart-prod-us-{i}"));
        w.WriteString("description", before ? "Managed by Pulumi" : "Managed by SecureCart");
        w.WriteNumber("desiredCount", before ? 3 : 4);
        w.WriteString("password", "[secret]");
        if (type == "aws:rds/instance:Instance")
        {
            w.WriteNumber("backupRetentionPeriod", before ? 7 : 1);
            w.WriteString("instanceClass", "db.r6g.large");
        }

        w.WriteStartArray("ingress");
        w.WriteStartObject();
        w.WriteNumber("fromPort", 443);
        w.WriteNumber("toPort", 443);
        w.WriteString("protocol", "tcp");
        w.WriteStartArray("cidrBlocks");
        w.WriteStringValue("0.0.0.0/0");
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteStartObject("tags");
        w.WriteString("Project", "securecart");
        w.WriteString("Stack", "prod-us");
        w.WriteString("Version", before ? "41" : "42");
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteStartObject("outputs");
        w.WriteString("arn", string.Create(CultureInfo.InvariantCulture, $"arn:aws:sqs:us-east-1:123456789012:securecart-prod-us-{i}"));
        w.WriteString("id", string.Create(CultureInfo.InvariantCulture, $"id-{i:x8}"));
        w.WriteNumber("desiredCount", 3);
        w.WriteEndObject();
        w.WriteString("parent", "urn:pulumi:prod-us::securecart::securecart:service:Checkout::checkout");
        w.WriteStartArray("dependencies");
        w.WriteStringValue("urn:pulumi:prod-us::securecart::aws:rds/instance:Instance::orders-db");
        w.WriteEndArray();
        w.WriteStartObject("propertyDependencies");
        w.WriteStartArray("name");
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();
    }
}
