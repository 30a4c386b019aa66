using SecureCart.Platform.Plan.Configuration;

namespace SecureCart.Platform.Plan.Data;

/// <summary>
/// Picks each table's capacity mode from its traffic shape and the home stack's peak figures. The home stack's
/// figures are used in every stack, so all replicas of a table agree (a global table has one mode and, when
/// provisioned, must have the same write capacity settings in every region).
/// </summary>
public static class TableCapacityPlanner
{
    /// <summary>
    /// Warm throughput every new on-demand table already has (docs.aws.amazon.com/amazondynamodb/latest/developerguide/warm-throughput.html):
    /// asking for less is refused, so the plan only pre-warms above these.
    /// </summary>
    public const int DefaultWarmReadUnits = 12_000;

    public const int DefaultWarmWriteUnits = 4_000;

    /// <summary>Target tracking at 70 %: the headroom absorbs a rise while a scale-out (minutes) is under way.</summary>
    public const double TargetUtilizationPercent = 70;

    public static TableCapacityPlan Plan(TableDefinition table, StackSettings home)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(home);

        // The API admits at most BurstLimit requests at once; during the peak window the fleet (and the traffic it is
        // sized for) is MinTasksMultiplier times larger. That product bounds the sale's request rate.
        long peakRequests = (long)home.Api.BurstLimit * Math.Max(1, home.Peak.MinTasksMultiplier);
        long peakReads = peakRequests * table.ReadsPerRequest;
        long peakWrites = peakRequests * table.WritesPerRequest;

        if (table.Traffic == TableTraffic.FollowsVisitors)
        {
            // Auto scaling reacts in minutes; a campaign e-mail brings every shopper within seconds, so provisioned
            // capacity would throttle carts at the worst moment. On demand follows at once up to its warm throughput.
            if (home.Profile != SizeProfile.Production)
            {
                return new TableCapacityPlan(TableCapacityPlan.OnDemand, "on demand: load follows visitors; no sale on this profile, so no pre-warming", null, null);
            }

            var warm = new WarmThroughputPlan(
                (int)Math.Clamp(peakReads, DefaultWarmReadUnits, int.MaxValue),
                (int)Math.Clamp(peakWrites, DefaultWarmWriteUnits, int.MaxValue));
            return new TableCapacityPlan(
                TableCapacityPlan.OnDemand,
                $"on demand: load follows visitors and jumps faster than auto scaling; warm throughput {warm.ReadUnitsPerSecond} reads/s, {warm.WriteUnitsPerSecond} writes/s for a peak of {peakRequests} requests/s",
                null,
                warm);
        }

        // Read-mostly and cached: the load is predictable, so provisioned capacity with auto scaling is cheaper than
        // paying per request. The maximum covers every peak request missing the caches.
        int minRead = home.Profile == SizeProfile.Production ? 25 : 5;
        int minWrite = 5;
        var provisioned = new ProvisionedCapacityPlan(
            minRead,
            (int)Math.Max(minRead, Math.Min(peakReads, 40_000)),
            minWrite,
            (int)Math.Max(minWrite * 4, Math.Min(peakWrites, 40_000)),
            TargetUtilizationPercent,
            ScaleInCooldownSeconds: 300,
            ScaleOutCooldownSeconds: 30);
        return new TableCapacityPlan(
            TableCapacityPlan.ProvisionedMode,
            $"provisioned with auto scaling: reads are cached and rise predictably; reads {provisioned.MinReadUnits}-{provisioned.MaxReadUnits}, writes {provisioned.MinWriteUnits}-{provisioned.MaxWriteUnits} at {provisioned.TargetUtilizationPercent} %",
            provisioned,
            null);
    }
}
