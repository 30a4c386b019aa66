using System.Globalization;
using SecureCart.Platform.Plan.Compute;

namespace SecureCart.Platform.Plan.Cost;

/// <summary>The Savings Plans scenario: commitments sized to the on-demand floor, at the published discount rates.</summary>
public sealed partial class CostModel
{
    private SavingsPlanScenario SavingsPlans(RegionalPlan plan, CostEstimate estimate)
    {
        var rates = prices.SavingsPlans;
        var region = plan.Region;

        // Compute floor: what runs on demand at every service's minimum, plus the workers' minimum, which never scale in.
        var fargate = 0m;
        foreach (var service in plan.Compute.Services.Where(s => !OnWorkers(plan, s)))
        {
            var arch = service.Architecture.Name();
            var perTask = (prices.Find(region, $"fargate.vcpu-hour.{arch}") ?? 0m) * service.Cpu / 1024m
                + (prices.Find(region, $"fargate.gb-hour.{arch}") ?? 0m) * service.MemoryMb / 1024m;
            fargate += perTask * OnDemandTasks(service, service.Scaling.Min);
        }

        var ec2 = plan.Compute.Workers is { } workers ? (prices.Find(region, $"ec2.{workers.InstanceTypes[0]}.hour") ?? 0m) * workers.MinSize : 0m;
        var computeFloor = fargate + ec2;
        var computeSavings = fargate * rates.ComputeFargateDiscount + ec2 * rates.ComputeEc2Discount;

        // Database floor: every database instance runs every hour, but only eligible classes earn the discount.
        var rds = plan.Data.Rds;
        var rdsEligible = Generation(rds.InstanceClass) >= 7;
        var rdsHourly = (prices.Find(region, $"rds.{rds.InstanceClass}.hour") ?? 0m) * ((rds.MultiAz ? 2 : 1) + rds.Replicas.Length);
        var databaseFloor = rdsEligible ? rdsHourly : 0m;
        var note = (rdsEligible
                ? $"PostgreSQL on {rds.InstanceClass} (generation 7 or newer) is eligible"
                : $"PostgreSQL on {rds.InstanceClass} is not eligible (generation 7 or newer only): choose a db.*7g class to earn it")
            + $"; ElastiCache {plan.Data.Redis.Engine} is {(plan.Data.Redis.Engine == "valkey" ? "eligible but not sized here" : "not eligible (Valkey only)")}";
        var hours = prices.HoursPerMonth;
        return new SavingsPlanScenario(
            Round(computeFloor),
            Round(computeFloor - computeSavings),
            Round(computeSavings * hours),
            Round(databaseFloor),
            Round(databaseFloor * (1 - rates.DatabaseInstanceDiscount)),
            Round(databaseFloor * rates.DatabaseInstanceDiscount * hours),
            note,
            estimate.MonthlyUsd,
            rates);
    }

    // "db.r7g.xlarge" → 7; "cache.t4g.small" → 4; unknown shapes count as old.
    internal static int Generation(string instanceClass)
    {
        var family = instanceClass.Split('.') is [_, var f, ..] ? f : "";
        var digits = new string([.. family.SkipWhile(c => !char.IsDigit(c)).TakeWhile(char.IsDigit)]);
        return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var generation) ? generation : 0;
    }
}
