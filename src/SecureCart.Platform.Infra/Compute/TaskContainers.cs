using System.Text.Json.Nodes;
using SecureCart.Platform.Plan.Compute;

namespace SecureCart.Platform.Infra.Compute;

/// <summary>The container definitions of a service's task: the service itself and the X-Ray daemon sidecar.</summary>
internal static class TaskContainers
{
    /// <param name="environment">Further variables (the database endpoints of a PostgreSQL client), in order.</param>
    public static string Json(
        ServicePlan service, string image, ComputePlan compute, string logGroup, string region, IReadOnlyDictionary<string, string> secretArns, IReadOnlyList<string> secretVersions,
        IReadOnlyList<KeyValuePair<string, string>>? environment = null)
    {
        JsonObject Logs(string prefix) => new JsonObject
        {
            ["logDriver"] = "awslogs",
            ["options"] = new JsonObject { ["awslogs-group"] = logGroup, ["awslogs-region"] = region, ["awslogs-stream-prefix"] = prefix },
        };

        var app = new JsonObject
        {
            ["name"] = service.LogicalName,
            ["image"] = image,
            ["essential"] = true,
            ["portMappings"] = new JsonArray(new JsonObject { ["name"] = "http", ["containerPort"] = service.Port, ["protocol"] = "tcp", ["appProtocol"] = "http" }),
            ["environment"] = secretVersions.Count == 0
                ? new JsonArray(new JsonObject { ["name"] = "AWS_XRAY_DAEMON_ADDRESS", ["value"] = "127.0.0.1:2000" })
                : new JsonArray(
                    new JsonObject { ["name"] = "AWS_XRAY_DAEMON_ADDRESS", ["value"] = "127.0.0.1:2000" },
                    new JsonObject { ["name"] = "SECURECART_SECRET_VERSIONS", ["value"] = string.Join(",", secretVersions) }),
            ["secrets"] = new JsonArray([.. secretArns.Select(s => (JsonNode)new JsonObject { ["name"] = s.Key, ["valueFrom"] = s.Value })]),
            ["logConfiguration"] = Logs(service.LogicalName),
        };
        foreach ((string name, string value) in environment ?? [])
        {
            ((JsonArray)app["environment"]!).Add(new JsonObject { ["name"] = name, ["value"] = value });
        }

        var xray = new JsonObject
        {
            ["name"] = "xray-daemon",
            ["image"] = compute.TracingSidecar,
            ["essential"] = false, // a tracing outage must not stop the shop
            ["cpu"] = compute.TracingSidecarCpu,
            ["memory"] = compute.TracingSidecarMemoryMb,
            ["portMappings"] = new JsonArray(new JsonObject { ["containerPort"] = 2000, ["protocol"] = "udp" }),
            ["logConfiguration"] = Logs("xray"),
        };
        return new JsonArray(app, xray).ToJsonString();
    }
}
