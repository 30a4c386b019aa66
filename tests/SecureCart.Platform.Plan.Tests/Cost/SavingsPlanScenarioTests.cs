using SecureCart.Platform.Plan.Configuration;
using SecureCart.Platform.Plan.Cost;

namespace SecureCart.Platform.Plan.Tests.Cost;

public sealed class SavingsPlanScenarioTests
{
    [Fact]
    public void Scenario_Generation6Database_IsNotEligibleAndSaysWhy()
    {
        var plan = PlanFixtures.Plan("prod-us", s => s with { Rds = s.Rds with { InstanceClass = "db.r6g.xlarge" } });

        var scenario = CostModel.Default.Estimate(plan).SavingsPlans!;

        Assert.Equal(0m, scenario.DatabaseFloorHourlyUsd);
        Assert.Equal(0m, scenario.DatabaseSavingsMonthlyUsd);
        Assert.Contains("db.r6g.xlarge is not eligible", scenario.DatabaseNote, StringComparison.Ordinal);
        Assert.Contains("not eligible (Valkey only)", scenario.DatabaseNote, StringComparison.Ordinal);
    }

    [Fact]
    public void Scenario_Generation7Database_CommitsToEveryInstanceAtTwentyPercentOff()
    {
        var plan = PlanFixtures.Plan("prod-us", s => s with { Rds = new RdsSettings("db.r7g.xlarge", 2, s.Rds.BackupRetentionDays, s.Rds.StorageGb) });
        Assert.True(plan.Data.Rds.MultiAz);

        var scenario = CostModel.Default.Estimate(plan).SavingsPlans!;

        // Multi-AZ primary (2 instances) and 2 replicas at $0.478: $1.912/h; 20 % off: $1.5296/h committed, $279.152 a month saved.
        Assert.Equal(1.912m, scenario.DatabaseFloorHourlyUsd);
        Assert.Equal(1.5296m, scenario.DatabaseCommitmentHourlyUsd);
        Assert.Equal(279.152m, scenario.DatabaseSavingsMonthlyUsd);
    }

    [Fact]
    public void Scenario_Compute_FloorIsMinimumOnDemandAndWorkersAtTheirOwnRates()
    {
        var plan = PlanFixtures.Plan("prod-us");
        var workers = plan.Compute.Workers!;

        var estimate = CostModel.Default.Estimate(plan);
        var scenario = estimate.SavingsPlans!;

        // Workers: MinSize x c7g.large $0.0725 at 66 % off; the rest of the floor is Fargate at 50 % off.
        var ec2 = workers.MinSize * 0.0725m;
        var fargate = scenario.ComputeFloorHourlyUsd - ec2;
        Assert.True(fargate > 0);
        Assert.Equal((fargate * 0.5m + ec2 * 0.66m) * 730, scenario.ComputeSavingsMonthlyUsd, 0);
        Assert.Equal(scenario.ComputeFloorHourlyUsd - (fargate * 0.5m + ec2 * 0.66m), scenario.ComputeCommitmentHourlyUsd, 3);
        Assert.True(scenario.ComputeFloorHourlyUsd < estimate.Items.Where(i => i.Component == "compute").Sum(i => i.HourlyUsd));
        Assert.Equal(estimate.MonthlyUsd - scenario.SavingsMonthlyUsd, scenario.WithPlansMonthlyUsd);
    }

    [Theory]
    [InlineData("db.r7g.large", 7)]
    [InlineData("db.r6g.2xlarge", 6)]
    [InlineData("cache.t4g.micro", 4)]
    [InlineData("weird", 0)]
    public void Generation_ReadsTheFamilyDigits(string instanceClass, int generation)
    {
        Assert.Equal(generation, CostModel.Generation(instanceClass));
    }
}
