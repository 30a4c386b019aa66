using System.Collections.Immutable;
using SecureCart.Platform.Plan.Cost;
using SecureCart.Platform.Plan.Messaging;

namespace SecureCart.Platform.Plan.Previews;

/// <summary>What one preview environment creates; everything else comes from its base stack.</summary>
/// <param name="StackName">The environment's own Pulumi stack.</param>
/// <param name="HostName">&lt;env&gt;.preview.&lt;domain&gt;, served by the base stack's wildcard record.</param>
/// <param name="Database">Its own database and role inside the shared RDS instance.</param>
public sealed record PreviewEnvironmentPlan(
    string Environment,
    string Team,
    string StackName,
    PreviewBase Base,
    PreviewSize Size,
    string ImageTag,
    string HostName,
    ImmutableArray<PreviewServicePlan> Services,
    PreviewDatabasePlan Database,
    ImmutableArray<QueuePlan> Queues,
    ImmutableArray<string> TableNames,
    ImmutableArray<PreviewTablePlan> Tables,
    int LogRetentionDays,
    ImmutableSortedDictionary<string, string> Tags,
    CostEstimate Cost)
{
    /// <summary>Its database's name (the same as its login role's).</summary>
    public string DatabaseName => Database.Name;

    /// <summary>Every queue's name, dead-letter queues included.</summary>
    public ImmutableArray<string> QueueNames => [.. Queues.SelectMany(q => new[] { q.Name, q.DeadLetterName })];
}
