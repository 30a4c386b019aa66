using System.Text.Json.Nodes;
using Pulumi;
using Pulumi.Aws.CloudWatch;
using SecureCart.Platform.Plan.Observability;

namespace SecureCart.Platform.Infra.Observability;

/// <summary>The plan's CloudWatch alarms, each notifying the alarm topic, and a dashboard of them.</summary>
public sealed class RegionObservability : ComponentResource
{
    public RegionObservability(string name, RegionObservabilityArgs args, ComponentResourceOptions? options = null)
        : base("securecart:platform:Observability", name, options)
    {
        ArgumentNullException.ThrowIfNull(args);
        InputMap<string> tags = Children.Tags(args.Tags, "observability");
        var alarms = new List<Output<string>>();
        foreach (AlarmPlan alarm in args.Plan.Alarms)
        {
            var dimensions = new InputMap<string>();
            foreach ((string? key, string? logical) in alarm.Dimensions)
            {
                dimensions.Add(key, args.DeployedIds.TryGetValue($"{key}:{logical}", out Input<string>? id)
                    ? id
                    : throw new InvalidOperationException($"Alarm {alarm.LogicalName} names '{logical}', which the stack did not deploy."));
            }

            var resource = new MetricAlarm(alarm.LogicalName, new MetricAlarmArgs
            {
                Name = alarm.Name,
                AlarmDescription = alarm.Description,
                Namespace = alarm.Namespace,
                MetricName = alarm.MetricName,
                Dimensions = dimensions,
                Statistic = Children.Maybe(alarm.IsPercentile ? null : alarm.Statistic),
                ExtendedStatistic = Children.Maybe(alarm.IsPercentile ? alarm.Statistic : null),
                Period = alarm.PeriodSeconds,
                EvaluationPeriods = alarm.EvaluationPeriods,
                Threshold = alarm.Threshold,
                ComparisonOperator = alarm.ComparisonOperator,
                TreatMissingData = alarm.TreatMissingData,
                AlarmActions = { args.AlarmTopicArn },
                OkActions = { args.AlarmTopicArn },
                Tags = tags,
            }, Children.Of(this));
            alarms.Add(resource.Arn);
        }

        Output<string> body = Output.All(alarms).Apply(arns => new JsonObject
        {
            ["widgets"] = new JsonArray(new JsonObject
            {
                ["type"] = "alarm",
                ["x"] = 0,
                ["y"] = 0,
                ["width"] = 24,
                ["height"] = Math.Max(6, arns.Length / 2),
                ["properties"] = new JsonObject
                {
                    ["title"] = "SecureCart alarms",
                    ["alarms"] = new JsonArray([.. arns.Select(a => (JsonNode)JsonValue.Create(a))]),
                },
            }),
        }.ToJsonString());
        var dashboard = new Dashboard("dashboard", new DashboardArgs { DashboardName = args.Plan.DashboardName, DashboardBody = body }, Children.Of(this));
        DashboardName = dashboard.DashboardName;
        RegisterOutputs(new Dictionary<string, object?> { ["dashboardName"] = DashboardName });
    }

    public Output<string> DashboardName { get; }
}
