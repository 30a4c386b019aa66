using System.Globalization;
using SecureCart.Platform.Review.Risk;

namespace SecureCart.Platform.Review.Reports;

/// <summary>Shared wording for every report format.</summary>
internal static class Words
{
    public static readonly string[] OperationOrder = ["create", "update", "replace", "delete", "same", "read", "import", "pending-delete"];

    public static string Severity(Severity severity) => severity.ToString().ToLowerInvariant();

    public static string Sarif(Severity severity) => severity switch
    {
        Risk.Severity.Critical or Risk.Severity.High => "error",
        Risk.Severity.Medium => "warning",
        _ => "note",
    };

    public static IEnumerable<KeyValuePair<string, int>> Ordered(IReadOnlyDictionary<string, int> counts) =>
        OperationOrder.Select(op => KeyValuePair.Create(op, counts.GetValueOrDefault(op)))
            .Concat(counts.Where(c => !OperationOrder.Contains(c.Key)).OrderBy(c => c.Key, StringComparer.Ordinal));

    public static string Headline(ReviewResult result)
    {
        if (result.Failed)
        {
            return "PREVIEW FAILED: the steps below are not the whole change";
        }

        var parts = Ordered(result.Counts).Where(c => c.Key != "same" && c.Value > 0).Select(c => $"{c.Value} to {c.Key}").ToList();
        return parts.Count == 0 ? "no changes" : string.Join(", ", parts);
    }

    public static string Digest(ReviewResult result) =>
        result.Digest ?? (result.Failed ? "none: a failed preview is not the whole change, so there is nothing to approve" : "none: a stack export is not a change");

    /// <summary>The cost delta, or why it is unknown: without a region there is no price to use.</summary>
    public static string Cost(CostDelta.CostDeltaReport cost) => cost.Region is null
        ? "unknown (the preview names no aws:region; pass --region)"
        : $"{Money(cost.MonthlyDelta)} ({cost.Region}, prices as of {cost.PriceAsOf})";

    public static string Money(decimal? value) => value is { } v
        ? (v < 0 ? "-" : v > 0 ? "+" : "") + "$" + Math.Abs(v).ToString("#,0.00", CultureInfo.InvariantCulture)
        : "n/a";

    public static string Strategy(ReplaceStrategy strategy) => strategy switch
    {
        ReplaceStrategy.CreateBeforeDelete => "create-before-delete",
        ReplaceStrategy.DeleteBeforeReplace => "delete-before-replace (downtime while the new one is created)",
        ReplaceStrategy.Unspecified => "order not shown (run with --show-replacement-steps)",
        _ => "",
    };
}
