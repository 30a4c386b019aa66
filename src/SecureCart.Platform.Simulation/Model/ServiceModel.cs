using System.Globalization;
using SecureCart.Platform.Plan.Compute;
using SecureCart.Platform.Simulation.Behaviour;

namespace SecureCart.Platform.Simulation.Model;

/// <summary>
/// One ECS service under Application Auto Scaling: scheduled actions set min/max at their instant; each
/// target-tracking policy scales out when its metric breaches the target for <c>scaleOutDatapoints</c>
/// one-minute datapoints and in after <c>scaleInDatapoints</c>; the service scales in only when every
/// policy agrees, after the scale-in cooldown. New tasks serve after the task start time (Fargate), or once
/// the worker pool has room for them and then the start time (EC2 capacity provider).
/// </summary>
internal sealed class ServiceModel
{
    private readonly ServicePlan _plan;
    private readonly AwsBehaviour _aws;
    private readonly WorkerPool? _pool;
    private readonly double _rpsPerTask;
    private readonly double _baseLatencyMs;
    private readonly bool _queue;
    private readonly (double At, int Min, int Max)[] _schedule;
    private readonly TargetTrackingPlan[] _policies;
    private readonly double[][] _history;
    private readonly double[] _minuteSums;
    private readonly Queue<(double ReadyAt, int Count)> _starting = new();
    private int _scheduleIndex;
    private int _historyCount;
    private int _waiting;
    private int _startingCount;
    private double _minuteSeconds;
    private double _lastScaleOut = double.NegativeInfinity;
    private double _lastScaleIn = double.NegativeInfinity;

    /// <param name="start">Wall-clock start of the simulation: scheduled actions before it are already in effect.</param>
    /// <param name="initialDemand">Calls per second at the start; the service starts in steady state for it.</param>
    public ServiceModel(ServicePlan plan, double rpsPerTask, double baseLatencyMs, AwsBehaviour aws, WorkerPool? pool, DateTimeOffset start, double initialDemand)
    {
        _plan = plan;
        _aws = aws;
        _pool = pool;
        _rpsPerTask = rpsPerTask;
        _baseLatencyMs = baseLatencyMs;
        _queue = plan.Kind == ServiceKind.Worker;
        Min = plan.Scaling.Min;
        Max = plan.Scaling.Max;
        _schedule = [.. plan.Scaling.Scheduled
            .SelectMany(s => Occurrences(s.Schedule, start).Select(at => ((at - start).TotalSeconds, s.MinCapacity, s.MaxCapacity)))
            .OrderBy(s => s.Item1)];
        while (_scheduleIndex < _schedule.Length && _schedule[_scheduleIndex].At <= 0)
        {
            (Min, Max) = (_schedule[_scheduleIndex].Min, _schedule[_scheduleIndex].Max);
            _scheduleIndex++;
        }

        _policies = [.. plan.Scaling.TargetTracking];
        _history = [.. _policies.Select(_ => new double[Math.Max(aws.ScaleInDatapoints, aws.ScaleOutDatapoints)])];
        _minuteSums = new double[_policies.Length];

        // Steady state: the count every policy settles on for the starting demand.
        var steady = Min;
        foreach (var policy in _policies)
        {
            steady = Math.Max(steady, (int)Math.Ceiling(TotalMetric(policy, initialDemand) / policy.TargetValue));
        }

        Desired = Math.Clamp(steady, Min, Max);
        Running = Desired;
        if (pool is not null)
        {
            for (var i = 0; i < Running; i++)
            {
                if (!pool.TryPlace(plan.Cpu, plan.MemoryMb))
                {
                    Running = i;
                    _waiting = Desired - i;
                    break;
                }
            }
        }

        Backlog = 0;
    }

    public string Name => _plan.LogicalName;

    public ServicePlan Plan => _plan;

    public int Min { get; private set; }

    public int Max { get; private set; }

    public int Desired { get; private set; }

    public int Running { get; private set; }

    /// <summary>Messages waiting in a worker's queue.</summary>
    public double Backlog { get; private set; }

    public StepOutcome Step(double t, double dt, double demand)
    {
        while (_scheduleIndex < _schedule.Length && _schedule[_scheduleIndex].At <= t)
        {
            (Min, Max) = (_schedule[_scheduleIndex].Min, _schedule[_scheduleIndex].Max);
            _scheduleIndex++;
            SetDesired(Math.Clamp(Desired, Min, Max), t);
        }

        while (_starting.Count > 0 && _starting.Peek().ReadyAt <= t)
        {
            var (_, count) = _starting.Dequeue();
            Running += count;
            _startingCount -= count;
        }

        Place(t);

        var capacity = Running * _rpsPerTask;
        StepOutcome outcome;
        double busy;
        if (_queue)
        {
            Backlog += demand * dt;
            var processed = Math.Min(Backlog, capacity * dt);
            Backlog -= processed;
            busy = capacity > 0 ? processed / dt / capacity : 1;
            var ageSeconds = capacity > 0 ? Backlog / capacity : (Backlog > 0 ? double.PositiveInfinity : 0);
            outcome = new StepOutcome(demand, capacity, processed / dt, 0, ageSeconds * 1000 + _baseLatencyMs);
        }
        else
        {
            var served = Math.Min(demand, capacity);
            busy = capacity > 0 ? served / capacity : 1;
            outcome = new StepOutcome(demand, capacity, served, demand - served, Latency.At(_baseLatencyMs, demand, capacity));
        }

        for (var i = 0; i < _policies.Length; i++)
        {
            _minuteSums[i] += dt * (_policies[i].PredefinedMetric switch
            {
                RequestCountMetric => Running > 0 ? demand * 60 / Running : 0,
                TargetTrackingPlan.BacklogPerTask => Running > 0 ? Backlog / Running : Backlog,
                _ => Math.Min(_aws.CpuCeilingPercent, busy * 100),
            });
        }

        _minuteSeconds += dt;
        return outcome;
    }

    /// <summary>Closes a one-minute metric period at <paramref name="now"/> and lets each policy decide.</summary>
    public void EndMinute(double now)
    {
        if (_minuteSeconds <= 0)
        {
            return;
        }

        var size = _history.Length == 0 ? 0 : _history[0].Length;
        for (var i = 0; i < _policies.Length; i++)
        {
            Array.Copy(_history[i], 1, _history[i], 0, size - 1);
            _history[i][size - 1] = _minuteSums[i] / _minuteSeconds;
            _minuteSums[i] = 0;
        }

        _minuteSeconds = 0;
        _historyCount++;
        var scaleOut = 0;
        var scaleIn = 0;
        var allIn = _policies.Length > 0;
        for (var i = 0; i < _policies.Length; i++)
        {
            var policy = _policies[i];
            var latest = _history[i][size - 1];
            var computed = (int)Math.Ceiling(Running * latest / policy.TargetValue);
            if (Breaching(_history[i], _aws.ScaleOutDatapoints, v => v > policy.TargetValue))
            {
                scaleOut = Math.Max(scaleOut, computed);
            }

            if (Breaching(_history[i], _aws.ScaleInDatapoints, v => v < policy.TargetValue))
            {
                scaleIn = Math.Max(scaleIn, computed);
            }
            else
            {
                allIn = false;
            }
        }

        // The largest scale-out wins; during the scale-out cooldown the capacity already added counts as part
        // of the desired count, so only a larger computed count adds more (Application Auto Scaling docs).
        if (scaleOut > Desired && Desired < Max)
        {
            SetDesired(Math.Min(scaleOut, Max), now);
            _lastScaleOut = now;
        }
        else if (allIn && scaleIn < Desired && Desired > Min
            && now - _lastScaleIn >= _policies.Max(p => p.ScaleInCooldownSeconds)
            && now - _lastScaleOut >= _policies.Max(p => p.ScaleInCooldownSeconds))
        {
            SetDesired(Math.Max(scaleIn, Min), now);
            _lastScaleIn = now;
        }
    }

    private bool Breaching(double[] history, int datapoints, Func<double, bool> breach)
    {
        if (_historyCount < datapoints)
        {
            return false;
        }

        for (var k = history.Length - datapoints; k < history.Length; k++)
        {
            if (!breach(history[k]))
            {
                return false;
            }
        }

        return true;
    }

    private void SetDesired(int desired, double now)
    {
        var inFlight = Running + _startingCount + _waiting;
        if (desired > inFlight)
        {
            // Placed on the next step, which starts at this same instant.
            _waiting += desired - inFlight;
        }
        else
        {
            // Scale-in drops waiting tasks first, then running ones (the ALB drains them; not modelled).
            var remove = inFlight - desired;
            var fromWaiting = Math.Min(remove, _waiting);
            _waiting -= fromWaiting;
            remove -= fromWaiting;
            var fromRunning = Math.Min(remove, Running);
            Running -= fromRunning;
            _pool?.Release(_plan.Cpu * fromRunning, _plan.MemoryMb * fromRunning);
        }

        Desired = desired;
    }

    private void Place(double now)
    {
        var placed = _waiting;
        if (_pool is not null)
        {
            placed = 0;
            while (placed < _waiting && _pool.TryPlace(_plan.Cpu, _plan.MemoryMb))
            {
                placed++;
            }

            _pool.WaitingCpu += (_waiting - placed) * _plan.Cpu;
            _pool.WaitingMemory += (_waiting - placed) * _plan.MemoryMb;
        }

        if (placed > 0)
        {
            _waiting -= placed;
            _starting.Enqueue((now + _aws.FargateTaskStartSeconds, placed));
            _startingCount += placed;
        }
    }

    // Steady state: a drained queue has no backlog, so a backlog policy asks for no more than the minimum.
    private double TotalMetric(TargetTrackingPlan policy, double demand) => policy.PredefinedMetric switch
    {
        RequestCountMetric => demand * 60,
        TargetTrackingPlan.BacklogPerTask => 0,
        _ => demand / _rpsPerTask * 100,
    };

    private const string RequestCountMetric = "ALBRequestCountPerTarget";

    // A one-off at(...) runs once; a yearly cron(min hour day month ? *) runs every year, so the occurrences around
    // the start decide what is in effect at the start and what happens during the run.
    private static IEnumerable<DateTimeOffset> Occurrences(string schedule, DateTimeOffset start)
    {
        if (schedule.StartsWith("at(", StringComparison.Ordinal))
        {
            yield return DateTimeOffset.Parse(schedule["at(".Length..^1], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
            yield break;
        }

        var fields = schedule["cron(".Length..^1].Split(' ');
        int Field(int i) => int.Parse(fields[i], CultureInfo.InvariantCulture);
        var (minute, hour, day, month) = (Field(0), Field(1), Field(2), Field(3));
        for (var year = start.UtcDateTime.Year - 1; year <= start.UtcDateTime.Year + 1; year++)
        {
            if (day <= DateTime.DaysInMonth(year, month))
            {
                yield return new DateTimeOffset(year, month, day, hour, minute, 0, TimeSpan.Zero);
            }
        }
    }
}
