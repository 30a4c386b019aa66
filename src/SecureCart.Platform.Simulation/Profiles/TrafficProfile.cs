using System.Collections.Immutable;

namespace SecureCart.Platform.Simulation.Profiles;

/// <summary>A validated traffic profile: world-wide requests over time, how they spread, and what each costs the back end.</summary>
/// <param name="Start">Wall-clock start (UTC); scheduled scaling actions of the plan are placed against it.</param>
/// <param name="RegionShares">Percent of the world nearest each stack; empty means an equal split.</param>
/// <param name="Evacuation">When set, the profile runs once per stack with that stack's dial going to 0.</param>
public sealed record TrafficProfile(
    string Name,
    string Description,
    string FileName,
    DateTimeOffset Start,
    int DurationMinutes,
    int ResolutionSeconds,
    double BaselineRps,
    double ApiPercent,
    double CheckoutApiPercent,
    ImmutableArray<ShapePoint> Shape,
    ImmutableSortedDictionary<string, double> RegionShares,
    ImmutableArray<DialChange> Dials,
    Evacuation? Evacuation,
    ImmutableSortedDictionary<string, ServiceLoad> Services,
    DatabaseLoad Database,
    CacheLoad Cache,
    ImmutableSortedDictionary<string, TableLoad> Tables,
    ServiceLevel Slo)
{
    public int DurationSeconds => DurationMinutes * 60;

    /// <summary>World-wide requests per second at <paramref name="second"/>, linear between shape points.</summary>
    public double RpsAt(double second)
    {
        var minute = second / 60.0;
        var shape = Shape;
        if (minute <= shape[0].Minute)
        {
            return BaselineRps * shape[0].Multiplier;
        }

        for (var i = 1; i < shape.Length; i++)
        {
            if (minute <= shape[i].Minute)
            {
                var (a, b) = (shape[i - 1], shape[i]);
                var f = (minute - a.Minute) / (b.Minute - a.Minute);
                return BaselineRps * (a.Multiplier + (b.Multiplier - a.Multiplier) * f);
            }
        }

        return BaselineRps * shape[^1].Multiplier;
    }
}

/// <summary>The traffic multiplier at a minute of the profile.</summary>
public sealed record ShapePoint(double Minute, double Multiplier);

/// <summary>A stack's Global Accelerator traffic dial set to <paramref name="Dial"/> percent at a minute.</summary>
public sealed record DialChange(double Minute, string Stack, int Dial);

/// <summary>One stack's dial goes to 0 at a minute; the profile runs once per stack.</summary>
public sealed record Evacuation(double Minute);

/// <summary>What one world request costs a service, and what one task of it serves.</summary>
/// <param name="CallsPerRequest">Calls (or queue messages) the service gets per request entering the region.</param>
/// <param name="RpsPerTask">Calls per second one task serves at 100% CPU.</param>
/// <param name="BaseLatencyMs">Mean latency of a call on an idle task.</param>
public sealed record ServiceLoad(double CallsPerRequest, double RpsPerTask, double BaseLatencyMs);

/// <summary>PostgreSQL queries per request: reads go to the replicas (the primary when there are none), writes to the primary.</summary>
public sealed record DatabaseLoad(double ReadsPerRequest, double WritesPerRequest, double BaseLatencyMs);

/// <summary>Redis commands per request.</summary>
public sealed record CacheLoad(double OpsPerRequest, double BaseLatencyMs);

/// <summary>DynamoDB request units per request, the table's previous peak and how concentrated its hottest key is.</summary>
/// <param name="HotKeyShare">Fraction of the table's traffic on its busiest partition key (per-partition limits apply to it).</param>
public sealed record TableLoad(double ReadUnitsPerRequest, double WriteUnitsPerRequest, double PreviousPeakReadUnits, double PreviousPeakWriteUnits, double HotKeyShare);

/// <summary>The service level a minute must meet.</summary>
/// <param name="QueueAgeSeconds">Oldest message age a worker's queue may reach.</param>
public sealed record ServiceLevel(double LatencyMs, double ErrorPercent, double QueueAgeSeconds);
