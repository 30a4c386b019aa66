using System.Collections.Immutable;

namespace SecureCart.Platform.Plan.Observability;

/// <summary>
/// CloudWatch Transaction Search for the stack's Region: X-Ray delivers every recorded span to the CloudWatch Logs group
/// <c>aws/spans</c> as a structured log (searchable by status, error, fault and any attribute), and indexes
/// <paramref name="IndexedPercent"/> of them as X-Ray trace summaries. With every request head-sampled, the trace of
/// any failed request is kept in full, which X-Ray's start-of-request sampling alone cannot promise.
/// </summary>
/// <param name="IndexedPercent">Share of spans indexed as trace summaries, in percent (X-Ray's "Default" indexing rule).</param>
/// <param name="ResourcePolicyName">The CloudWatch Logs resource policy that lets X-Ray write the span groups.</param>
/// <param name="Reason">Why the plan sends spans to CloudWatch Logs; printed with the plan.</param>
/// <remarks>
/// Account-wide per Region (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/Enable-TransactionSearch.html),
/// so only the production stack of a Region owns it, never a preview in the same account.
/// </remarks>
public sealed record TransactionSearchPlan(double IndexedPercent, string ResourcePolicyName, string Reason)
{
    /// <summary>The <c>aws.xray.TraceSegmentDestination</c> value that turns Transaction Search on.</summary>
    public const string Destination = "CloudWatchLogs";

    /// <summary>X-Ray's one indexing rule (UpdateIndexingRule names it "Default").</summary>
    public const string IndexingRuleName = "Default";

    /// <summary>Where X-Ray writes the spans; a CloudWatch Logs group AWS creates.</summary>
    public const string SpansLogGroup = "aws/spans";

    /// <summary>Where Application Signals writes; X-Ray needs the right to write there too.</summary>
    public const string ApplicationSignalsLogGroup = "/aws/application-signals/data";

    /// <summary>
    /// The share indexed for free: AWS indexes 1 % of ingested spans as trace summaries at no charge; more is billed
    /// as X-Ray trace summaries (same page as above).
    /// </summary>
    public const double FreeIndexedPercent = 1.0;

    public const string ResourcePolicyLogicalName = "xray-spans-log-policy";
    public const string DestinationLogicalName = "xray-trace-destination";
    public const string IndexingRuleLogicalName = "xray-indexing";

    /// <summary>The log groups X-Ray must be allowed to write (the CloudWatch Logs resource policy's resources).</summary>
    public static ImmutableArray<string> LogGroupArns(string region, string account) =>
        [.. new[] { SpansLogGroup, ApplicationSignalsLogGroup }.Select(g => $"arn:aws:logs:{region}:{account}:log-group:{g}:*")];
}
