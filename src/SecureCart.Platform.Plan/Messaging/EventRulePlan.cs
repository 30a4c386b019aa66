using System.Collections.Immutable;

namespace SecureCart.Platform.Plan.Messaging;

/// <summary>An EventBridge rule on the shop bus: an event pattern and the queues/topics it feeds.</summary>
/// <param name="Targets">Logical names of queues or topics in this plan.</param>
public sealed record EventRulePlan(string LogicalName, string Name, string Source, string DetailType, ImmutableArray<string> Targets)
{
    public string EventPattern => $$"""{"source":["{{Source}}"],"detail-type":["{{DetailType}}"]}""";
}
