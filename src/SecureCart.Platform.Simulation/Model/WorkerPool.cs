using SecureCart.Platform.Plan.Compute;
using SecureCart.Platform.Simulation.Behaviour;

namespace SecureCart.Platform.Simulation.Model;

/// <summary>
/// The EC2 Auto Scaling group behind the worker capacity provider under ECS managed scaling: each minute it
/// sizes the group so the tasks (running and waiting for a place) use <c>targetCapacity</c>% of it; a new
/// instance takes the warm-up period before tasks can be placed on it.
/// </summary>
internal sealed class WorkerPool
{
    // Every worker type the plan allows is a ".large": 2 vCPU; c-family 4 GiB, m-family 8 GiB (aws.amazon.com/ec2/instance-types).
    private const int InstanceCpu = 2048;

    private readonly WorkerCapacityPlan _plan;
    private readonly AwsBehaviour _aws;
    private readonly int _instanceMemory;
    private readonly Queue<(double ReadyAt, int Count)> _launching = new();
    private int _pending;
    private int _lowMinutes;

    public WorkerPool(WorkerCapacityPlan plan, AwsBehaviour aws)
    {
        _plan = plan;
        _aws = aws;
        _instanceMemory = (plan.InstanceTypes[0].StartsWith('m') ? 8192 : 4096) - aws.Ec2AgentReservedMemoryMb;
        Instances = plan.MinSize;
    }

    public int Instances { get; private set; }

    public string InstanceType => _plan.InstanceTypes[0];

    public int UsedCpu { get; private set; }

    public int UsedMemory { get; private set; }

    /// <summary>CPU and memory that tasks waiting for a place ask for; managed scaling counts them.</summary>
    public int WaitingCpu { get; set; }

    public int WaitingMemory { get; set; }

    public bool TryPlace(int cpu, int memory)
    {
        if (UsedCpu + cpu > Instances * InstanceCpu || UsedMemory + memory > Instances * _instanceMemory)
        {
            return false;
        }

        UsedCpu += cpu;
        UsedMemory += memory;
        return true;
    }

    public void Release(int cpu, int memory)
    {
        UsedCpu -= cpu;
        UsedMemory -= memory;
    }

    /// <summary>Brings up instances whose warm-up is over; the services then report what waits for a place.</summary>
    public void Step(double t)
    {
        WaitingCpu = 0;
        WaitingMemory = 0;
        while (_launching.Count > 0 && _launching.Peek().ReadyAt <= t)
        {
            var (_, count) = _launching.Dequeue();
            Instances += count;
            _pending -= count;
        }
    }

    /// <summary>Managed scaling's once-a-minute decision.</summary>
    public void EndMinute(double now)
    {
        var needed = Math.Max((double)(UsedCpu + WaitingCpu) / InstanceCpu, (double)(UsedMemory + WaitingMemory) / _instanceMemory);
        var target = (int)Math.Ceiling(needed / (_plan.ManagedScalingTargetCapacity / 100.0));
        target = Math.Clamp(target, _plan.MinSize, _plan.MaxSize);
        if (target > Instances + _pending)
        {
            var launch = target - Instances - _pending;
            _launching.Enqueue((now + _aws.Ec2InstanceWarmupSeconds, launch));
            _pending += launch;
            _lowMinutes = 0;
        }
        else if (target < Instances && _pending == 0)
        {
            // Scale-in waits for the same 15 low datapoints as target tracking, and never strands a placed task.
            if (++_lowMinutes >= _aws.ScaleInDatapoints)
            {
                var floor = (int)Math.Ceiling(Math.Max((double)UsedCpu / InstanceCpu, (double)UsedMemory / _instanceMemory));
                Instances = Math.Max(Math.Max(target, floor), _plan.MinSize);
                _lowMinutes = 0;
            }
        }
        else
        {
            _lowMinutes = 0;
        }
    }
}
