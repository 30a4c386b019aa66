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
        // 80 % changes: half of all steps update, a tenth each create, replace and delete; a fifth are the same.
        var (op, type) = (i % 10) switch
        {
            0 => ("create", "aws:sqs/queue:Queue"),
            1 or 2 or 3 or 8 => ("update", "aws:ecs/service:Service"),
            4 => ("replace", "aws:ec2/securityGroup:SecurityGroup"),
            5 => ("delete", "aws:sqs/queue:Queue"),
            6 when i % 1000 == 6 => ("update", "aws:rds/instance:Instance"),
            6 => ("update", "aws:ecs/service:Service"),
            _ => ("same", "aws:s3/bucket:Bucket"),
        };
        var name = string.Create(CultureInfo.InvariantCulture, $"api-{i}");
        var urn = $"urn:pulumi:prod::sc::{type}::{name}";
        w.WriteStartObject();
        w.WriteString("op", op);
        w.WriteString("urn", urn);
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

    // Sized like the steps of a real service stack (about 630 bytes on average, some 63 MB for 100,000 steps):
    // a handful of inputs, the ingress rules only on security groups, outputs only on the old state of a few (a
    // preview's new outputs are mostly unknown), and a parent and one
    // dependency on a tenth of them.
    private static void State(Utf8JsonWriter w, string urn, string type, int i, bool before)
    {
        w.WriteStartObject();
        w.WriteString("urn", urn);
        w.WriteBoolean("custom", true);
        w.WriteString("id", string.Create(CultureInfo.InvariantCulture, $"id-{i:x8}"));
        w.WriteString("type", type);
        w.WriteStartObject("inputs");
        w.WriteString("name", string.Create(CultureInfo.InvariantCulture, $"api-{i}"));
        w.WriteNumber("desiredCount", before ? 3 : 4);
        if (type == "aws:rds/instance:Instance")
        {
            w.WriteString("password", "[secret]");
            w.WriteNumber("backupRetentionPeriod", before ? 7 : 1);
            w.WriteString("instanceClass", "db.r6g.large");
        }

        if (type == "aws:ec2/securityGroup:SecurityGroup")
        {
            w.WriteString("description", before ? "Managed by Pulumi" : "Managed by SecureCart");
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
        }

        w.WriteStartObject("tags");
        w.WriteString("Version", before ? "41" : "42");
        w.WriteEndObject();
        w.WriteEndObject();
        if (before && i % 10 == 6)
        {
            w.WriteStartObject("outputs");
            w.WriteString("arn", string.Create(CultureInfo.InvariantCulture, $"arn:aws:sqs:us-east-1:123456789012:api-{i}"));
            w.WriteEndObject();
        }

        if (i % 10 == 6)
        {
            w.WriteString("parent", "urn:pulumi:prod::sc::pulumi:pulumi:Stack::sc-prod");
        }

        if (i % 10 == 6)
        {
            w.WriteStartArray("dependencies");
            w.WriteStringValue("urn:pulumi:prod::sc::aws:rds/instance:Instance::orders-db");
            w.WriteEndArray();
        }
        w.WriteEndObject();
    }
}
