using SecureCart.Platform.Plan.Compute;
using SecureCart.Platform.Simulation.Behaviour;
using SecureCart.Platform.Simulation.Model;

namespace SecureCart.Platform.Simulation.Tests.Model;

public sealed class ServiceModelTests
{
    private static ServicePlan Service(int min, int max, double cpuTarget, ServiceKind kind = ServiceKind.Public) => new(
        "svc", "svc", kind, 1024, 2048, CpuArchitecture.Arm64, 8080, "/healthz", null, 0,
        new ScalingPlan(min, min, max, [new TargetTrackingPlan("cpu", "ECSServiceAverageCPUUtilization", cpuTarget, 60, 300)], []),
        [new CapacityProviderShare("FARGATE", min, 1)], [], "tg", 60, []);

    private static Dictionary<int, int> RunningBySecond(ServiceModel model, Func<double, double> demand, int seconds, int dt)
    {
        var running = new Dictionary<int, int>();
        for (var k = 0; k * dt < seconds; k++)
        {
            var t = k * dt;
            model.Step(t, dt, demand(t));
            running[t] = model.Running;
            if ((k + 1) % (60 / dt) == 0)
            {
                model.EndMinute((k + 1) * dt);
            }
        }

        return running;
    }

    [Fact]
    public void Step_FourfoldAgainstCpuTarget50_CapacityAtHandComputedMinutes()
    {
        // 100 calls/s per task, CPU target 50%: 100 calls/s needs 2 tasks (50%). At minute 10 demand goes to 400.
        // Minutes 10, 11, 12 read 100% (CPU saturates): the alarm's 3rd datapoint closes at 780 s, desired =
        // ceil(2 x 100 / 50) = 4, and the tasks serve 60 s later (840 s). Minute 13 still ran 2 tasks (no change);
        // minute 14 runs 4 tasks at 100%: at 900 s desired = 8, serving at 960 s, where CPU is 50% and it stays.
        var model = new ServiceModel(Service(2, 40, 50), 100, 20, AwsBehaviour.Default, null, DateTimeOffset.UnixEpoch, 100);

        var running = RunningBySecond(model, t => t < 600 ? 100 : 400, 1500, 10);

        Assert.Equal(2, running[0]);
        Assert.Equal(2, running[830]);
        Assert.Equal(4, running[840]);
        Assert.Equal(4, running[950]);
        Assert.Equal(8, running[960]);
        Assert.Equal(8, running[1490]);
    }

    [Fact]
    public void Step_MaximumCapsScaleOut()
    {
        var model = new ServiceModel(Service(2, 5, 50), 100, 20, AwsBehaviour.Default, null, DateTimeOffset.UnixEpoch, 100);

        var running = RunningBySecond(model, t => t < 600 ? 100 : 4000, 3600, 10);

        Assert.Equal(5, running.Values.Max());
    }

    [Fact]
    public void Step_DemandFallsBack_ScalesInOnlyAfterFifteenLowMinutes()
    {
        // Steady at 8 tasks for 400 calls/s (50%); demand drops to 100 at minute 5: minutes 5..19 are the 15 low
        // datapoints, so the count holds until 1200 s and then falls to ceil(8 x 12.5 / 50) = 2.
        var model = new ServiceModel(Service(2, 40, 50), 100, 20, AwsBehaviour.Default, null, DateTimeOffset.UnixEpoch, 400);

        var running = RunningBySecond(model, t => t < 300 ? 400 : 100, 1800, 10);

        Assert.Equal(8, running[0]);
        Assert.Equal(8, running[1190]);
        Assert.Equal(2, running[1200]);
    }

    [Fact]
    public void Step_ScheduledActionRaisesMinimumAtItsInstant()
    {
        var start = new DateTimeOffset(2026, 11, 25, 23, 50, 0, TimeSpan.Zero);
        var plan = Service(2, 40, 50) is var s ? s with { Scaling = s.Scaling with { Scheduled = [new("peak-start", "at(2026-11-26T00:00:00)", 10, 40)] } } : null!;
        var model = new ServiceModel(plan, 100, 20, AwsBehaviour.Default, null, start, 100);

        var running = RunningBySecond(model, _ => 100, 900, 10);

        Assert.Equal(2, running[590]);
        Assert.Equal(10, running[660]);
    }

    [Fact]
    public void Step_Worker_QueuesInsteadOfDropping()
    {
        var model = new ServiceModel(Service(2, 2, 50, ServiceKind.Worker), 100, 20, AwsBehaviour.Default, null, DateTimeOffset.UnixEpoch, 100);

        var outcome = model.Step(0, 10, 300);

        Assert.Equal(0, outcome.Rejected);
        Assert.Equal(200, outcome.Served);
        Assert.Equal(1000, model.Backlog);
    }
}
