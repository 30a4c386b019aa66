using System.Text.Json;
using SecureCart.Platform.Plan.Observability;

namespace SecureCart.Platform.Infra.Tests.Observability;

public sealed class TransactionSearchTests
{
    private const string Policy = "aws:cloudwatch/logResourcePolicy:LogResourcePolicy";
    private const string Destination = "aws:xray/traceSegmentDestination:TraceSegmentDestination";
    private const string Indexing = "aws:xray/indexingRule:IndexingRule";

    [Fact]
    public async Task Stack_SpansGoToCloudWatchLogs_OnlyAfterXRayMayWriteThere_ThenOnePercentIsIndexed()
    {
        var slow = new HashSet<string>(StringComparer.Ordinal) { Policy, Destination };
        var run = await StackRun.RunAsync("prod-eu", slowTypes: slow);

        var document = JsonDocument.Parse((string)run.Single(Policy, TransactionSearchPlan.ResourcePolicyLogicalName).Inputs["policyDocument"]).RootElement;
        var statement = document.GetProperty("Statement")[0];
        Assert.Equal("xray.amazonaws.com", statement.GetProperty("Principal").GetProperty("Service").GetString());
        Assert.Equal("logs:PutLogEvents", statement.GetProperty("Action").GetString());
        Assert.Equal(
            ["arn:aws:logs:eu-west-1:123456789012:log-group:aws/spans:*", "arn:aws:logs:eu-west-1:123456789012:log-group:/aws/application-signals/data:*"],
            statement.GetProperty("Resource").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal("arn:aws:xray:eu-west-1:123456789012:*", statement.GetProperty("Condition").GetProperty("ArnLike").GetProperty("aws:SourceArn").GetString());
        Assert.Equal("CloudWatchLogs", run.Single(Destination, TransactionSearchPlan.DestinationLogicalName).Inputs["destination"]);
        var rule = run.Single(Indexing, TransactionSearchPlan.IndexingRuleLogicalName).Inputs;
        var probabilistic = (IDictionary<string, object>)((IDictionary<string, object>)rule["rule"])["probabilistic"];
        Assert.Equal(("Default", 1.0), ((string)rule["name"], Convert.ToDouble(probabilistic["desiredSamplingPercentage"], System.Globalization.CultureInfo.InvariantCulture)));

        Assert.True(run.Timeline[$"{Policy} {TransactionSearchPlan.ResourcePolicyLogicalName}"].Answered < run.Timeline[$"{Destination} {TransactionSearchPlan.DestinationLogicalName}"].Asked);
        Assert.True(run.Timeline[$"{Destination} {TransactionSearchPlan.DestinationLogicalName}"].Answered < run.Timeline[$"{Indexing} {TransactionSearchPlan.IndexingRuleLogicalName}"].Asked);
        var baseline = run.Single("aws:xray/samplingRule:SamplingRule", "xray-baseline").Inputs;
        Assert.Equal(1.0, Convert.ToDouble(baseline["fixedRate"], System.Globalization.CultureInfo.InvariantCulture));
    }
}
