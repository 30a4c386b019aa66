using SecureCart.Platform.Plan.Compute;
using SecureCart.Platform.Plan.Configuration;

namespace SecureCart.Platform.Plan.Tests.Compute;

public sealed class ComputePlannerTests
{
    [Fact]
    public void Plan_Production_EveryServiceSizedWithinItsBounds()
    {
        var compute = PlanFixtures.Plan("prod-us").Compute;

        Assert.Equal(ServiceCatalog.Services.Select(s => s.Name), compute.Services.Select(s => s.LogicalName));
        Assert.All(compute.Services, s =>
        {
            Assert.InRange(s.Scaling.Desired, s.Scaling.Min, s.Scaling.Max);
            Assert.Equal("ARM64", s.RuntimeArchitecture);
            Assert.Equal("/healthz", s.HealthCheckPath);
        });
        var storefront = compute.Services.Single(s => s.LogicalName == "storefront");
        Assert.Equal((6, 8, 80), (storefront.Scaling.Min, storefront.Scaling.Desired, storefront.Scaling.Max));
        Assert.Equal((1024, 2048), (storefront.Cpu, storefront.MemoryMb));
    }

    [Theory]
    [InlineData("checkout")]
    [InlineData("payments")]
    [InlineData("orders")]
    public void Plan_MoneyPath_NeverOnSpot(string service)
    {
        var plan = PlanFixtures.Plan("prod-us").Compute.Services.Single(s => s.LogicalName == service);

        Assert.DoesNotContain(plan.CapacityProviders, c => c.Provider == ComputePlanner.FargateSpot);
    }

    [Fact]
    public void Plan_SpotServiceOnX86Stack_MinimumRunsOnDemandRestSplitWithSpot()
    {
        var catalog = PlanFixtures.Plan("prod-us", s => s with { CpuArchitecture = CpuArchitecture.X64 }).Compute.Services.Single(s => s.LogicalName == "catalog");

        Assert.Equal(CpuArchitecture.X64, catalog.Architecture);
        Assert.Equal([new CapacityProviderShare("FARGATE", 5, 50), new CapacityProviderShare("FARGATE_SPOT", 0, 50)], catalog.CapacityProviders);
    }

    [Fact]
    public void Plan_Arm64Stack_NoServicePutsArm64TasksOnSpot()
    {
        var services = PlanFixtures.Plan("prod-us").Compute.Services;

        // catalog: 6 desired, 5 on demand: one task's Spot saving does not pay for x86's 25% higher price.
        var catalog = services.Single(s => s.LogicalName == "catalog");
        Assert.Equal((CpuArchitecture.Arm64, "FARGATE"), (catalog.Architecture, catalog.CapacityProviders.Single().Provider));
        Assert.All(services, s => Assert.True(s.Architecture == CpuArchitecture.X64 || s.CapacityProviders.All(c => c.Provider != "FARGATE_SPOT"), s.LogicalName));
    }

    [Fact]
    public void Plan_PreviewProfile_RunsX86OnSpotBecauseItIsCheaperThanArmOnDemand()
    {
        var services = PlanFixtures.Plan("prod-eu", s => s with { Profile = SizeProfile.Preview }).Compute.Services;

        Assert.All(services, s => Assert.Equal((CpuArchitecture.X64, "FARGATE_SPOT"), (s.Architecture, s.CapacityProviders.Single().Provider)));
    }

    [Fact]
    public void Choose_NoPricesForTheRegion_Arm64OnDemandWhichIsValidEverywhere()
    {
        var choice = CapacityChoice.Choose(CpuArchitecture.Arm64, 1024, 2048, 1, 0, 100, "ap-nowhere-9", SecureCart.Platform.Plan.Cost.PriceBook.Default);

        Assert.Equal(CpuArchitecture.Arm64, choice);
    }

    [Fact]
    public void Plan_OneOffPeakWindow_RaisesMinimumAndRestoresIt()
    {
        var scaling = PlanFixtures.Plan("prod-us", s => s with { Peak = s.Peak with { Yearly = false } }).Compute.Services.Single(s => s.LogicalName == "cart").Scaling;

        Assert.Equal(
            [("peak-start", "at(2026-11-26T00:00:00)", 12, 40), ("peak-end", "at(2026-12-01T12:00:00)", 3, 40)],
            scaling.Scheduled.Select(a => (a.Name, a.Schedule, a.MinCapacity, a.MaxCapacity)));
        Assert.Equal(DateTimeOffset.Parse("2026-11-26T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture), scaling.Scheduled[0].OnceAt);
        Assert.Equal(["ECSServiceAverageCPUUtilization"], scaling.TargetTracking.Select(t => t.PredefinedMetric));
    }

    [Fact]
    public void Plan_Storefront_AlsoTracksRequestsPerTarget()
    {
        var storefront = PlanFixtures.Plan("prod-us").Compute.Services.Single(s => s.LogicalName == "storefront");

        Assert.Contains(storefront.Scaling.TargetTracking, t => t.PredefinedMetric == "ALBRequestCountPerTarget" && t.TargetValue == 800);
    }

    [Fact]
    public void Plan_Production_WorkersOnEc2CapacityWithSpotAboveBase()
    {
        var compute = PlanFixtures.Plan("prod-eu").Compute;

        var workers = Assert.IsType<WorkerCapacityPlan>(compute.Workers);
        Assert.Equal(["c7g.large", "c6g.large", "m7g.large"], workers.InstanceTypes);
        Assert.Equal((3, 40, 3, 30), (workers.MinSize, workers.MaxSize, workers.OnDemandBaseCapacity, workers.OnDemandPercentAboveBase));
        Assert.Equal(workers.CapacityProviderName, compute.Services.Single(s => s.LogicalName == "notifications").CapacityProviders.Single().Provider);
    }

    [Theory]
    [InlineData(70)]
    [InlineData(0)]
    public void Plan_NoSpotService_NeverOnCapacityThatBuysSpot(int workerSpotPercent)
    {
        var compute = PlanFixtures.Plan("prod-eu", s => s with { WorkerSpotPercent = workerSpotPercent }).Compute;
        var spotProviders = new HashSet<string> { ComputePlanner.FargateSpot };
        if (compute.Workers!.OnDemandPercentAboveBase < 100)
        {
            spotProviders.Add(compute.Workers.CapacityProviderName);
        }

        var noSpot = ServiceCatalog.Services.Where(d => d.SpotPercent == 0).Select(d => d.Name).ToHashSet();
        Assert.Contains("order-worker", noSpot);
        Assert.All(compute.Services.Where(s => noSpot.Contains(s.LogicalName)), s =>
            Assert.DoesNotContain(s.CapacityProviders, c => spotProviders.Contains(c.Provider)));
        // With an on-demand-only worker group, the order worker is back on EC2 workers.
        Assert.Equal(workerSpotPercent == 0, compute.Services.Single(s => s.LogicalName == "order-worker").CapacityProviders.Any(c => c.Provider == compute.Workers.CapacityProviderName));
    }

    [Fact]
    public void Plan_QueueWorkers_ScaleOnBacklogPerTask_TheOthersOnCpu()
    {
        var production = PlanFixtures.Plan("prod-eu").Compute;
        var preview = PlanFixtures.Plan("prod-eu", s => s with { Profile = SizeProfile.Preview }).Compute;

        var orders = production.Services.Single(s => s.LogicalName == "order-worker").Scaling.TargetTracking.Single();
        Assert.Equal((TargetTrackingPlan.BacklogPerTask, "orders", 120.0), (orders.PredefinedMetric, orders.BacklogQueue, orders.TargetValue));
        Assert.Equal(PlanFixtures.Plan("prod-eu").Messaging.Queues.Single(q => q.LogicalName == "orders").Name, orders.BacklogQueueName);
        var notices = production.Services.Single(s => s.LogicalName == "notifications").Scaling.TargetTracking.Single();
        Assert.Equal((TargetTrackingPlan.BacklogPerTask, "notifications", 240.0), (notices.PredefinedMetric, notices.BacklogQueue, notices.TargetValue));
        Assert.True(production.ContainerInsights);
        Assert.All(production.Services.Where(s => s.Kind != ServiceKind.Worker), s => Assert.DoesNotContain(s.Scaling.TargetTracking, t => t.BacklogQueue is not null));
        // Previews have no Container Insights, so no running-task metric to divide by.
        Assert.All(preview.Services, s => Assert.DoesNotContain(s.Scaling.TargetTracking, t => t.PredefinedMetric == TargetTrackingPlan.BacklogPerTask));
    }

    [Fact]
    public void Plan_X64_UsesIntelWorkersAndAmi()
    {
        var compute = PlanFixtures.Plan("prod-eu", s => s with { CpuArchitecture = CpuArchitecture.X64 }).Compute;

        Assert.Equal("c7i.large", compute.Workers!.InstanceTypes[0]);
        Assert.DoesNotContain("arm64", compute.Workers.AmiParameter);
        Assert.All(compute.Services, s => Assert.Equal("X86_64", s.RuntimeArchitecture));
    }

    [Fact]
    public void Plan_Preview_OneSmallSpotTaskPerServiceAndNoWorkerGroup()
    {
        var compute = PlanFixtures.Plan("prod-eu", s => s with { Profile = SizeProfile.Preview, Tasks = new TaskCounts(1, 1, 2), Peak = s.Peak with { MinTasksMultiplier = 1 } }).Compute;

        Assert.Null(compute.Workers);
        Assert.All(compute.Services, s =>
        {
            Assert.Equal((256, 512, 1), (s.Cpu, s.MemoryMb, s.Scaling.Desired));
            Assert.Equal("FARGATE_SPOT", s.CapacityProviders.Single().Provider);
            Assert.Empty(s.Scaling.Scheduled);
        });
    }

    [Fact]
    public void Plan_PaymentsSecret_OnlyPaymentsGetsIt()
    {
        var services = PlanFixtures.Plan("prod-eu", s => s with { SecretKeys = ["paymentsApiKey"] }).Compute.Services;

        Assert.Equal(["paymentsApiKey"], services.Single(s => s.LogicalName == "payments").SecretNames);
        Assert.All(services.Where(s => s.LogicalName != "payments"), s => Assert.Empty(s.SecretNames));
    }

    [Theory]
    [InlineData(3, 2)]
    [InlineData(6, 3)]
    public void MinimumTaskFloor_IsTheLowestServiceMinimum(int tasksMin, int floor)
    {
        var compute = PlanFixtures.Plan("prod-us", s => s with { Tasks = new TaskCounts(tasksMin, tasksMin, 60) }).Compute;

        Assert.Equal(floor, compute.MinimumTaskFloor);
        Assert.Equal(floor, compute.Services.Single(s => s.LogicalName == "notifications").Scaling.Min);
    }

    [Fact]
    public void Plan_Access_EveryGrantNamesAPlannedResource()
    {
        var plan = PlanFixtures.Plan("prod-eu");
        var tables = plan.Data.Tables.Select(t => t.LogicalName).ToHashSet();
        var queues = plan.Messaging.Queues.Select(q => q.LogicalName).ToHashSet();
        var topics = plan.Messaging.Topics.Select(t => t.LogicalName).ToHashSet();

        foreach (var access in plan.Compute.Services.SelectMany(s => s.Access))
        {
            var known = access.Kind switch
            {
                AccessKind.TableRead or AccessKind.TableReadWrite => tables.Contains(access.Resource),
                AccessKind.QueueSend or AccessKind.QueueConsume => queues.Contains(access.Resource),
                AccessKind.TopicPublish => topics.Contains(access.Resource),
                AccessKind.BusPublish => access.Resource == Platform.Plan.Messaging.MessagingPlan.BusLogicalName,
                AccessKind.StateMachineStart => access.Resource == Platform.Plan.Workflow.WorkflowPlan.LogicalName,
                AccessKind.PostgresConnect => access.Resource == Platform.Plan.Network.DataTier.Postgres,
                AccessKind.RedisConnect => access.Resource == Platform.Plan.Network.DataTier.Redis,
                _ => false,
            };
            Assert.True(known, $"{access} names nothing in the plan");
        }

        // Payments holds no IAM grant at all: it only reaches its database (its API key comes in as a task secret).
        Assert.Equal([new ServiceAccess(AccessKind.PostgresConnect, "postgres")], plan.Compute.Services.Single(s => s.LogicalName == "payments").Access);
        Assert.Contains(new ServiceAccess(AccessKind.QueueSend, "orders"), plan.Compute.Services.Single(s => s.LogicalName == "checkout").Access);
        Assert.Contains(new ServiceAccess(AccessKind.QueueConsume, "orders"), plan.Compute.Services.Single(s => s.LogicalName == "order-worker").Access);
    }

    [Fact]
    public void Plan_AlbServices_TargetGroupWithinLimitAndGracePeriod()
    {
        var stack = PlanFixtures.Settings("prod-eu") with { StackName = "prod-eu-central-long" };
        var services = RegionalPlanner.Plan(stack, [stack]).Compute.Services;

        Assert.All(services, s => Assert.True(s.TargetGroupName.Length <= 32, s.TargetGroupName));
        Assert.Equal(services.Length, services.Select(s => s.TargetGroupName).Distinct().Count());
        Assert.All(services, s => Assert.Equal(s.OnAlb ? 60 : null, s.HealthCheckGracePeriodSeconds));
    }

    [Fact]
    public void Plan_YearlyPeakWindow_CronOnTheSameDayEveryYear()
    {
        var scaling = PlanFixtures.Plan("prod-us").Compute.Services.Single(s => s.LogicalName == "cart").Scaling;

        Assert.Equal(["cron(0 0 26 11 ? *)", "cron(0 12 1 12 ? *)"], scaling.Scheduled.Select(a => a.Schedule));
        Assert.All(scaling.Scheduled, a => Assert.Null(a.OnceAt));
    }
}
