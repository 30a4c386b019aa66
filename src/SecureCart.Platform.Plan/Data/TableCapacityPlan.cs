namespace SecureCart.Platform.Plan.Data;

/// <summary>
/// How a global table pays for and reaches its throughput. The mode belongs to the table, not the region (switching
/// it in one region switches every replica), so every stack of the project plans the same value.
/// </summary>
/// <param name="BillingMode"><c>PROVISIONED</c> or <c>PAY_PER_REQUEST</c>.</param>
/// <param name="Reason">Why the plan chose this mode for this table; shown by <c>securecart plan</c>.</param>
/// <param name="Provisioned">Auto scaling bounds, for provisioned tables.</param>
/// <param name="WarmThroughput">Throughput pre-warmed for the peak window, for on-demand tables that need more than the default.</param>
public sealed record TableCapacityPlan(
    string BillingMode,
    string Reason,
    ProvisionedCapacityPlan? Provisioned,
    WarmThroughputPlan? WarmThroughput)
{
    public const string OnDemand = "PAY_PER_REQUEST";
    public const string ProvisionedMode = "PROVISIONED";
}

/// <summary>
/// Provisioned capacity scaled by Application Auto Scaling target tracking. The table starts at the minimum; each
/// region registers its own scalable targets (Application Auto Scaling is regional) with the same bounds, because
/// replicas of a global table must have identical write capacity settings.
/// </summary>
public sealed record ProvisionedCapacityPlan(
    int MinReadUnits,
    int MaxReadUnits,
    int MinWriteUnits,
    int MaxWriteUnits,
    double TargetUtilizationPercent,
    int ScaleInCooldownSeconds,
    int ScaleOutCooldownSeconds);

/// <summary>Read and write units per second the table can serve instantly (on-demand warm throughput).</summary>
public sealed record WarmThroughputPlan(int ReadUnitsPerSecond, int WriteUnitsPerSecond);
