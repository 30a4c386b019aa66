using System.Collections.Immutable;
using System.Text.Json;

namespace SecureCart.Platform.Review.Plans;

/// <summary>
/// A `pulumi preview --save-plan` file: apitype.DeploymentPlanV1 (sdk/go/common/apitype/plan.go), written by
/// pkg/cmd/pulumi/plan/plan.go `Write`. `pulumi up --plan` applies it, resource by resource.
/// </summary>
public sealed record DeploymentPlan(string Source, string? PulumiVersion, ImmutableSortedDictionary<string, PlannedResource> Resources);

/// <summary>apitype.ResourcePlanV1 with the parts of its GoalV1 that decide what `up` does.</summary>
public sealed record PlannedResource
{
    public required string Urn { get; init; }

    /// <summary>The ops `up` is allowed to take, in order (`steps`).</summary>
    public ImmutableArray<string> Steps { get; init; } = [];

    /// <summary>False for a resource that the plan only deletes (no `goal`).</summary>
    public bool HasGoal { get; init; }

    public bool Protect { get; init; }

    public string? Provider { get; init; }

    public string? Parent { get; init; }

    /// <summary>`goal.inputDiff`: adds and updates (new values) by property, and deleted property names.</summary>
    public ImmutableSortedDictionary<string, JsonElement> InputSets { get; init; } = ImmutableSortedDictionary<string, JsonElement>.Empty;

    public ImmutableArray<string> InputDeletes { get; init; } = [];
}
