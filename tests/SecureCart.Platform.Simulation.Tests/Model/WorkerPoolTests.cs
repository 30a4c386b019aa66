using SecureCart.Platform.Plan.Compute;
using SecureCart.Platform.Simulation.Behaviour;
using SecureCart.Platform.Simulation.Model;

namespace SecureCart.Platform.Simulation.Tests.Model;

public sealed class WorkerPoolTests
{
    [Fact]
    public void ScaleOut_TasksWaitForManagedScalingAndTheInstanceWarmup()
    {
        // One c7g.large (2048 CPU units, 4096 - 512 MiB for tasks) holds three 512/1024 tasks. At 30 s a scheduled
        // action asks for 9: six wait. At 60 s managed scaling needs (1536 + 3072) / 2048 = 2.25 by CPU and
        // (3072 + 6144) / 3584 = 2.57 by memory instances, / 90% = 2.86 -> 3: two more, counted after the
        // 300 s warm-up (360 s); the six tasks are placed then and serve 60 s later (420 s).
        var aws = AwsBehaviour.Default;
        var pool = new WorkerPool(new WorkerCapacityPlan("cp", "asg", "lt", "ami", ["c7g.large"], 1, 10, 1, 30, "price-capacity-optimized", 90), aws);
        var start = DateTimeOffset.UnixEpoch;
        var plan = new ServicePlan(
            "order-worker", "order-worker", ServiceKind.Worker, 512, 1024, CpuArchitecture.Arm64, 8080, "/healthz", null, 0,
            new ScalingPlan(3, 3, 20, [], [new("peak-start", "at(1970-01-01T00:00:30)", 9, 20)]), [new("cp", 0, 1)], [], "tg", null, []);
        var service = new ServiceModel(plan, 50, 20, aws, pool, start, 10);
        var running = new Dictionary<int, int>();
        var instances = new Dictionary<int, int>();

        for (var t = 0; t < 600; t += 10)
        {
            pool.Step(t);
            service.Step(t, 10, 10);
            running[t] = service.Running;
            instances[t] = pool.Instances;
            if ((t + 10) % 60 == 0)
            {
                service.EndMinute(t + 10);
                pool.EndMinute(t + 10);
            }
        }

        Assert.Equal(1, instances[350]);
        Assert.Equal(3, instances[360]);
        Assert.Equal(3, running[410]);
        Assert.Equal(9, running[420]);
    }
}
