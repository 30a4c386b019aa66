using System.Text.Json;
using System.Text.Json.Nodes;
using Pulumi;

namespace SecureCart.Platform.Infra;

/// <summary>IAM policy documents as JSON, built from resource ARNs known only at deployment.</summary>
internal static class Policies
{
    public static string AssumeRole(string service) => new JsonObject
    {
        ["Version"] = "2012-10-17",
        ["Statement"] = new JsonArray(new JsonObject
        {
            ["Effect"] = "Allow",
            ["Principal"] = new JsonObject { ["Service"] = service },
            ["Action"] = "sts:AssumeRole",
        }),
    }.ToJsonString();

    /// <summary>One Allow statement per entry: actions on resources (ARN outputs or literal ARNs/wildcards).</summary>
    public static Output<string> Allow(params (string[] Actions, Input<string>[] Resources)[] statements) =>
        Output.All(statements.SelectMany(s => s.Resources)).Apply(resolved =>
        {
            var array = new JsonArray();
            var index = 0;
            foreach ((string[]? actions, Input<string>[]? resources) in statements)
            {
                array.Add(new JsonObject
                {
                    ["Effect"] = "Allow",
                    ["Action"] = new JsonArray([.. actions.Select(a => (JsonNode)JsonValue.Create(a))]),
                    ["Resource"] = new JsonArray([.. resolved.Skip(index).Take(resources.Length).Select(r => (JsonNode)JsonValue.Create(r))]),
                });
                index += resources.Length;
            }

            return new JsonObject { ["Version"] = "2012-10-17", ["Statement"] = array }.ToJsonString();
        });

    /// <summary>A resource policy letting an AWS service principal act on one resource, limited to the given source ARNs.</summary>
    public static Output<string> ServiceMayUse(string service, string action, Output<string> resource, Output<System.Collections.Immutable.ImmutableArray<string>> sourceArns) =>
        Output.Tuple(resource, sourceArns).Apply(t => JsonSerializer.Serialize(new
        {
            Version = "2012-10-17",
            Statement = new[]
            {
                new
                {
                    Effect = "Allow",
                    Principal = new { Service = service },
                    Action = action,
                    Resource = t.Item1,
                    Condition = new { ArnEquals = new Dictionary<string, string[]> { ["aws:SourceArn"] = [.. t.Item2] } },
                },
            },
        }));
}
