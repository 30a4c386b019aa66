using SecureCart.Platform.Review.Preview;

namespace SecureCart.Platform.Review.Risk;

/// <summary>SC001: replacing or deleting a resource that holds data.</summary>
public sealed class StatefulChangeRule : IRiskRule
{
    public static readonly RiskRuleInfo Info = new(
        "SC001",
        "stateful-replace-or-delete",
        Severity.Critical,
        "A resource that holds data is replaced or deleted",
        "Replacing or deleting a database, table, cache, bucket, key or secret destroys its data (or, for a key, everything encrypted with it) unless something keeps it; everything that depends on it breaks until the new one is ready.",
        "Change only properties that update in place, or migrate the data first; set `protect: true` and deletion protection on stateful resources, and keep final snapshots / point-in-time recovery on.");

    public IEnumerable<RiskRuleInfo> Rules => [Info];

    public IEnumerable<RiskFinding> Evaluate(PreviewStep change, ReviewPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(change);
        var verb = change.Op switch
        {
            StepOperations.Replace or StepOperations.CreateReplacement or StepOperations.DeleteReplaced => "replaced",
            StepOperations.Delete => "deleted",
            _ => null,
        };
        var old = change.Old;

        // The old copy left pending delete by an earlier replacement is already replaced; removing it is the expected cleanup.
        if (verb is null || old is null || (change.Op == StepOperations.Delete && old.Delete) || !StatefulResources.TryGet(change.Type, out var kind))
        {
            yield break;
        }

        var protections = StatefulResources.Protections(kind, old);
        var dataLoss = protections.Count == 0
            ? "data is lost: no protect, retainOnDelete, deletion protection, final snapshot or point-in-time recovery found"
            : "kept by: " + string.Join("; ", protections);
        var finding = RiskFindings.For(
            Info,
            change,
            $"{kind.Label} `{change.Urn.Name}` is {verb}" + (change.ReplaceReasons.IsDefaultOrEmpty ? "" : $" (because {string.Join(", ", change.ReplaceReasons)} changed)"),
            protections.Count == 0 ? Severity.Critical : Severity.High);
        yield return finding with { DataLoss = dataLoss };
    }
}
