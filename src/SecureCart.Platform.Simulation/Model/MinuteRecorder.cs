using SecureCart.Platform.Simulation.Results;

namespace SecureCart.Platform.Simulation.Model;

/// <summary>Folds a component's steps into per-minute means and decides each minute against the SLO.</summary>
internal sealed class MinuteRecorder(string name, ComponentKind kind, string unit, int minutes, double latencyLimitMs, double errorPercent)
{
    private readonly double[] _demand = new double[minutes];
    private readonly double[] _capacity = new double[minutes];
    private readonly double[] _tasks = kind is ComponentKind.Service or ComponentKind.Worker ? new double[minutes] : [];
    private readonly List<int> _breaches = [];
    private double _seconds;
    private double _demandSum;
    private double _capacitySum;
    private double _taskSum;
    private double _rejected;
    private double _latencyWeighted;
    private double _worstLatency;
    private double _rejectedTotal;
    private double _total;

    public void Add(in StepOutcome o, double dt, int tasks = 0)
    {
        _seconds += dt;
        _demandSum += o.Demand * dt;
        _capacitySum += o.Capacity * dt;
        _taskSum += tasks * dt;
        _rejected += o.Rejected * dt;
        if (kind == ComponentKind.Worker)
        {
            // A queue's latency is the age of its oldest message: the worst moment counts, not a mean.
            _latencyWeighted = Math.Max(_latencyWeighted, o.LatencyMs);
        }
        else
        {
            _latencyWeighted += o.LatencyMs * o.Served * dt;
        }
    }

    public void EndMinute(int minute)
    {
        if (_seconds <= 0 || minute >= minutes)
        {
            return;
        }

        _demand[minute] = _demandSum / _seconds;
        _capacity[minute] = _capacitySum / _seconds;
        if (_tasks.Length > 0)
        {
            _tasks[minute] = _taskSum / _seconds;
        }

        var served = _demandSum - _rejected;
        var latency = kind == ComponentKind.Worker ? _latencyWeighted : (served > 0 ? _latencyWeighted / served : 0);
        _worstLatency = Math.Max(_worstLatency, latency);
        var errorShare = _demandSum > 0 ? _rejected / _demandSum * 100 : 0;
        if (_demandSum > 0 && (errorShare > errorPercent || latency > latencyLimitMs))
        {
            _breaches.Add(minute);
        }

        _rejectedTotal += _rejected;
        _total += _demandSum;
        (_seconds, _demandSum, _capacitySum, _taskSum, _rejected, _latencyWeighted) = (0, 0, 0, 0, 0, 0);
    }

    public ComponentResult Result() => new(
        name, kind, unit, [.. _demand], [.. _capacity], [.. _tasks], [.. _breaches], _rejectedTotal, _total, double.IsInfinity(_worstLatency) ? double.MaxValue : _worstLatency);
}
