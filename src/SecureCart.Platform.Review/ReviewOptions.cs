using SecureCart.Platform.Plan.Cost;
using SecureCart.Platform.Review.Export;
using SecureCart.Platform.Review.Risk;

namespace SecureCart.Platform.Review;

/// <summary>What a review compares against: the plan's policy and prices, and optionally the stack's current state.</summary>
public sealed record ReviewOptions
{
    public ReviewPolicy Policy { get; init; } = new();

    /// <summary>
    /// A policy still being worked out (the command loads the project and plans it for the production floor, a
    /// tenth of a second): reading starts meanwhile, and the first step judged waits for it. Wins over <see cref="Policy"/>.
    /// </summary>
    public Task<ReviewPolicy>? PendingPolicy { get; init; }

    public IReadOnlyList<IRiskRule> Rules { get; init; } = RiskRules.All;

    /// <summary>The stack export behind the preview: dependents for the blast radius.</summary>
    public StackState? State { get; init; }

    /// <summary>The region to price in; defaults to the preview's `aws:region` config.</summary>
    public string? Region { get; init; }

    public PriceBook? Prices { get; init; }

    /// <summary>The `pulumi preview --save-plan` file to prove against the reviewed steps.</summary>
    public Plans.DeploymentPlan? Plan { get; init; }

    /// <summary>Property changes listed per resource; the rest are counted.</summary>
    public int MaxPropertiesPerResource { get; init; } = 50;

    /// <summary>
    /// Where to stream the changes as they are built (a temporary file, deleted with the result's
    /// <see cref="ReviewResult.Spilled"/>) instead of keeping them: memory then stays flat whatever the size
    /// of the change, and the result can only be written as a JSON report. Null keeps every change.
    /// </summary>
    public string? SpillDirectory { get; init; }
}
