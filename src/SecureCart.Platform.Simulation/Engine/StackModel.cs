using System.Collections.Immutable;
using SecureCart.Platform.Plan;
using SecureCart.Platform.Plan.Compute;
using SecureCart.Platform.Plan.Cost;
using SecureCart.Platform.Simulation.Behaviour;
using SecureCart.Platform.Simulation.Model;
using SecureCart.Platform.Simulation.Profiles;
using SecureCart.Platform.Simulation.Results;

namespace SecureCart.Platform.Simulation.Engine;

/// <summary>Every scaling mechanism of one stack's plan, stepped together, with its running cost.</summary>
internal sealed class StackModel
{
    private readonly RegionalPlan _plan;
    private readonly TrafficProfile _profile;
    private readonly ServiceModel[] _services;
    private readonly MinuteRecorder[] _serviceRecorders;
    private readonly double[] _calls;
    private readonly double[] _taskHourly;
    private readonly (int Base, double Share)[] _onDemand;
    private readonly double _fargateSpotFactor;
    private readonly WorkerPool? _pool;
    private readonly double _instanceHourly;
    private readonly double _instanceSpotFactor;
    private readonly ApiGatewayModel _api;
    private readonly MinuteRecorder _apiRecorder;
    private readonly MinuteRecorder _albRecorder;
    private readonly MinuteRecorder _arrivingRecorder;
    private readonly (TableLoad Load, OnDemandThroughput Reads, OnDemandThroughput Writes, MinuteRecorder ReadRecorder, MinuteRecorder WriteRecorder)[] _tables;
    private readonly FixedCapacity _primary;
    private readonly FixedCapacity? _replicas;
    private readonly MinuteRecorder _primaryRecorder;
    private readonly MinuteRecorder? _replicaRecorder;
    private readonly FixedCapacity _cache;
    private readonly MinuteRecorder _cacheRecorder;
    private readonly double _fixedHourly;
    private readonly double[] _hourly;
    private double _hourlySum;
    private double _seconds;
    private double _totalUsd;
    private readonly SortedSet<string> _unpriced = new(StringComparer.Ordinal);

    public StackModel(RegionalPlan plan, TrafficProfile profile, AwsBehaviour aws, CostModel cost, double initialEntryRps)
    {
        _plan = plan;
        _profile = profile;
        var minutes = profile.DurationMinutes;
        var slo = profile.Slo;
        var prices = cost.Prices;
        var region = plan.Region;
        _pool = plan.Compute.Workers is { } workers ? new WorkerPool(workers, aws) : null;
        _services = new ServiceModel[plan.Compute.Services.Length];
        _serviceRecorders = new MinuteRecorder[_services.Length];
        _calls = new double[_services.Length];
        _taskHourly = new double[_services.Length];
        _onDemand = new (int, double)[_services.Length];
        _fargateSpotFactor = (double)Price(prices, region, "fargate.spot-factor");
        for (var i = 0; i < _services.Length; i++)
        {
            var service = plan.Compute.Services[i];
            var load = profile.Services.TryGetValue(service.LogicalName, out var l) ? l : WorkloadDefaults.Services[service.LogicalName];
            var onPool = _pool is not null && service.CapacityProviders.Any(c => c.Provider == plan.Compute.Workers!.CapacityProviderName);
            _calls[i] = load.CallsPerRequest;
            _services[i] = new ServiceModel(service, load.RpsPerTask, load.BaseLatencyMs, aws, onPool ? _pool : null, profile.Start, initialEntryRps * load.CallsPerRequest);
            var worker = service.Kind == ServiceKind.Worker;
            _serviceRecorders[i] = new MinuteRecorder(
                service.LogicalName, worker ? ComponentKind.Worker : ComponentKind.Service, worker ? "messages/s" : "calls/s", minutes,
                worker ? slo.QueueAgeSeconds * 1000 : slo.LatencyMs, slo.ErrorPercent);
            if (!onPool)
            {
                var arch = service.Architecture == CpuArchitecture.Arm64 ? "arm64" : "x86_64";
                // The capacity provider strategy, read once: on-demand base, then the FARGATE weight's share above it.
                var fargate = service.CapacityProviders.FirstOrDefault(c => c.Provider == ComputePlanner.Fargate);
                _onDemand[i] = fargate is null ? (0, 0) : (fargate.Base, (double)fargate.Weight / service.CapacityProviders.Sum(c => c.Weight));
                _taskHourly[i] = (double)(Price(prices, region, $"fargate.vcpu-hour.{arch}") * service.Cpu / 1024m + Price(prices, region, $"fargate.gb-hour.{arch}") * service.MemoryMb / 1024m);
            }
        }

        if (_pool is not null)
        {
            _instanceHourly = (double)Price(prices, region, $"ec2.{_pool.InstanceType}.hour");
            var spot = (double)Price(prices, region, "ec2.spot-factor");
            var onDemandShare = plan.Compute.Workers!.OnDemandPercentAboveBase / 100.0;
            _instanceSpotFactor = onDemandShare + (1 - onDemandShare) * spot;
        }

        _api = new ApiGatewayModel(plan.Ingress.Api, aws);
        _apiRecorder = new MinuteRecorder("api-gateway", ComponentKind.ApiGateway, "requests/s", minutes, double.MaxValue, slo.ErrorPercent);
        _arrivingRecorder = new MinuteRecorder("arriving", ComponentKind.LoadBalancer, "requests/s", minutes, double.MaxValue, 100);
        _albRecorder = new MinuteRecorder("alb", ComponentKind.LoadBalancer, "requests/s", minutes, double.MaxValue, slo.ErrorPercent);
        _tables = [.. plan.Data.Tables.Select(t =>
        {
            var load = profile.Tables.TryGetValue(t.LogicalName, out var tl) ? tl : WorkloadDefaults.Tables[t.LogicalName];
            return (load,
                new OnDemandThroughput(load.PreviousPeakReadUnits, aws.DynamoNewTableReadUnits, aws.DynamoPeakMultiplier, aws.DynamoAdaptSeconds, aws.DynamoPartitionReadUnits, load.HotKeyShare),
                new OnDemandThroughput(load.PreviousPeakWriteUnits, aws.DynamoNewTableWriteUnits, aws.DynamoPeakMultiplier, aws.DynamoAdaptSeconds, aws.DynamoPartitionWriteUnits, load.HotKeyShare),
                new MinuteRecorder($"dynamodb {t.LogicalName} reads", ComponentKind.Table, "read units/s", minutes, double.MaxValue, slo.ErrorPercent),
                new MinuteRecorder($"dynamodb {t.LogicalName} writes", ComponentKind.Table, "write units/s (replicated)", minutes, double.MaxValue, slo.ErrorPercent));
        })];

        var rds = plan.Data.Rds;
        var perInstance = aws.RdsCapacity(rds.InstanceClass);
        _primary = new FixedCapacity(perInstance, profile.Database.BaseLatencyMs);
        _primaryRecorder = new MinuteRecorder("postgres primary", ComponentKind.DatabasePrimary, "queries/s", minutes, slo.LatencyMs, slo.ErrorPercent);
        if (rds.Replicas.Length > 0)
        {
            _replicas = new FixedCapacity(perInstance * rds.Replicas.Length, profile.Database.BaseLatencyMs);
            _replicaRecorder = new MinuteRecorder("postgres replicas", ComponentKind.DatabaseReplicas, "queries/s", minutes, slo.LatencyMs, slo.ErrorPercent);
        }

        // Cluster mode spreads keys over the shards; commands go to each shard's primary.
        var redis = plan.Data.Redis;
        _cache = new FixedCapacity(aws.RedisCapacity(redis.NodeType) * redis.Shards, profile.Cache.BaseLatencyMs);
        _cacheRecorder = new MinuteRecorder("redis", ComponentKind.Cache, "commands/s", minutes, slo.LatencyMs, slo.ErrorPercent);

        var estimate = cost.Estimate(plan);
        _fixedHourly = (double)estimate.Items.Where(i => i.Component != "compute").Sum(i => i.HourlyUsd);
        _hourly = new double[minutes];
    }

    public string Stack => _plan.Stack;

    public IReadOnlyList<ServiceModel> Services => _services;

    /// <summary>Passes the API share through API Gateway; returns the requests per second that enter the region.</summary>
    public double Admit(double arrivingRps, double dt)
    {
        _arrivingRecorder.Add(new StepOutcome(arrivingRps, double.PositiveInfinity, arrivingRps, 0, 0), dt);
        var api = arrivingRps * _profile.ApiPercent / 100;
        var outcome = _api.Step(api, api * _profile.CheckoutApiPercent / 100, dt);
        _apiRecorder.Add(outcome, dt);
        var entry = arrivingRps - api + outcome.Served;

        // Both doors end at the internal ALB (the API through its VPC link).
        _albRecorder.Add(new StepOutcome(entry, double.PositiveInfinity, entry, 0, 0), dt);
        return entry;
    }

    public double WriteUnits(int table, double entryRps) => entryRps * _tables[table].Load.WriteUnitsPerRequest;

    public int TableCount => _tables.Length;

    /// <param name="replicatedWrites">Write units per second per table from every stack: a global table applies each write in every region.</param>
    public void Step(double t, double dt, double entryRps, double[] replicatedWrites)
    {
        var hourly = _fixedHourly;
        for (var i = 0; i < _services.Length; i++)
        {
            var outcome = _services[i].Step(t, dt, entryRps * _calls[i]);
            _serviceRecorders[i].Add(outcome, dt, _services[i].Running);
            if (_taskHourly[i] > 0)
            {
                hourly += TaskCost(i);
            }
        }

        if (_pool is not null)
        {
            var baseCount = Math.Min(_pool.Instances, _plan.Compute.Workers!.OnDemandBaseCapacity);
            hourly += _instanceHourly * (baseCount + (_pool.Instances - baseCount) * _instanceSpotFactor);
        }

        for (var k = 0; k < _tables.Length; k++)
        {
            var table = _tables[k];
            table.ReadRecorder.Add(table.Reads.Step(entryRps * table.Load.ReadUnitsPerRequest), dt);
            table.WriteRecorder.Add(table.Writes.Step(replicatedWrites[k]), dt);
        }

        var reads = entryRps * _profile.Database.ReadsPerRequest;
        var writes = entryRps * _profile.Database.WritesPerRequest;
        if (_replicas is not null)
        {
            _replicaRecorder!.Add(_replicas.Step(reads), dt);
            _primaryRecorder.Add(_primary.Step(writes), dt);
        }
        else
        {
            _primaryRecorder.Add(_primary.Step(reads + writes), dt);
        }

        _cacheRecorder.Add(_cache.Step(entryRps * _profile.Cache.OpsPerRequest), dt);
        _hourlySum += hourly * dt;
        _seconds += dt;
        _totalUsd += hourly * dt / 3600;
    }

    public void PoolStep(double t) => _pool?.Step(t);

    public void EndMinute(int minute, double now)
    {
        foreach (var service in _services)
        {
            service.EndMinute(now);
        }

        _pool?.EndMinute(now);
        foreach (var table in _tables)
        {
            table.Reads.EndMinute(minute);
            table.Writes.EndMinute(minute);
            table.ReadRecorder.EndMinute(minute);
            table.WriteRecorder.EndMinute(minute);
        }

        foreach (var recorder in _serviceRecorders)
        {
            recorder.EndMinute(minute);
        }

        _apiRecorder.EndMinute(minute);
        _albRecorder.EndMinute(minute);
        _arrivingRecorder.EndMinute(minute);
        _primaryRecorder.EndMinute(minute);
        _replicaRecorder?.EndMinute(minute);
        _cacheRecorder.EndMinute(minute);
        if (_seconds > 0 && minute < _hourly.Length)
        {
            _hourly[minute] = _hourlySum / _seconds;
        }

        (_hourlySum, _seconds) = (0, 0);
    }

    // A Region without a published price still simulates: the price counts as zero and the result names it.
    private decimal Price(PriceBook prices, string region, string key)
    {
        if (prices.Find(region, key) is { } price)
        {
            return price;
        }

        _unpriced.Add(key);
        return 0m;
    }

    public StackResult Result()
    {
        var components = ImmutableArray.CreateBuilder<ComponentResult>();
        components.Add(_apiRecorder.Result());
        components.Add(_albRecorder.Result());
        var services = _serviceRecorders.Select(r => r.Result()).ToArray();
        components.AddRange(services);
        foreach (var table in _tables)
        {
            components.Add(table.ReadRecorder.Result());
            components.Add(table.WriteRecorder.Result());
        }

        components.Add(_primaryRecorder.Result());
        if (_replicaRecorder is not null)
        {
            components.Add(_replicaRecorder.Result());
        }

        components.Add(_cacheRecorder.Result());
        var capacity = new double[_hourly.Length];
        for (var m = 0; m < capacity.Length; m++)
        {
            capacity[m] = double.PositiveInfinity;
            for (var i = 0; i < services.Length; i++)
            {
                if (services[i].Kind == ComponentKind.Service && _calls[i] > 0)
                {
                    capacity[m] = Math.Min(capacity[m], services[i].Capacity[m] / _calls[i]);
                }
            }
        }

        return new StackResult(_plan.Stack, _plan.Region, components.ToImmutable(), _arrivingRecorder.Result().Demand, [.. capacity], [.. _hourly], _totalUsd) { Unpriced = [.. _unpriced] };
    }

    // The same split as CostModel.OnDemandTasks, without its per-call lookups: this runs every step.
    private double TaskCost(int i)
    {
        var running = _services[i].Running;
        var (baseTasks, share) = _onDemand[i];
        var onDemand = Math.Min(running, baseTasks) + Math.Max(0, running - baseTasks) * share;
        return _taskHourly[i] * (onDemand + (running - onDemand) * _fargateSpotFactor);
    }
}
