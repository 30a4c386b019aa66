using System.Globalization;
using SecureCart.Platform.Plan.Configuration;
using SecureCart.Platform.Simulation.Results;

namespace SecureCart.Platform.Simulation.Fixes;

/// <summary>
/// The stack-file keys a fix may turn, which components each relieves, and their next values: one step up,
/// or a doubling (so a large shortfall does not take many small steps), within the key's allowed range.
/// </summary>
internal static class StackKnobs
{
    public static IEnumerable<(string Key, StackSettings Settings, string Value)> Candidates(StackSettings s, ComponentKind kind, DateTimeOffset profileStart)
    {
        switch (kind)
        {
            case ComponentKind.Service or ComponentKind.Worker:
                foreach (var n in Up(s.Tasks.Min, 100))
                {
                    yield return ("tasksMin", s with { Tasks = s.Tasks with { Min = n, Desired = Math.Max(n, s.Tasks.Desired), Max = Math.Max(n, s.Tasks.Max) } }, Text(n));
                }

                foreach (var n in Up(s.Peak.MinTasksMultiplier, 20))
                {
                    yield return ("peakMinTasksMultiplier", s with { Peak = s.Peak with { MinTasksMultiplier = n } }, Text(n));
                }

                foreach (var n in Up(s.Tasks.Max, 1000))
                {
                    yield return ("tasksMax", s with { Tasks = s.Tasks with { Max = n } }, Text(n));
                }

                // An earlier pre-warm: open the peak window an hour before the profile starts.
                var earlier = profileStart.AddHours(-1);
                if (s.Peak.Start > earlier)
                {
                    yield return ("peakWindowStart", s with { Peak = s.Peak with { Start = earlier, End = s.Peak.End < profileStart ? profileStart.AddDays(1) : s.Peak.End } },
                        earlier.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
                }

                break;
            case ComponentKind.ApiGateway:
                foreach (var n in Up(s.Api.RateLimit, 10000, s.Api.RateLimit / 2))
                {
                    yield return ("apiRateLimit", s with { Api = s.Api with { RateLimit = n } }, Text(n));
                }

                foreach (var n in Up(s.Api.BurstLimit, 5000, s.Api.BurstLimit / 4))
                {
                    yield return ("apiBurstLimit", s with { Api = s.Api with { BurstLimit = n } }, Text(n));
                }

                break;
            case ComponentKind.DatabaseReplicas:
                foreach (var n in Up(s.Rds.ReadReplicas, 15))
                {
                    yield return ("rdsReadReplicas", s with { Rds = s.Rds with { ReadReplicas = n } }, Text(n));
                }

                foreach (var c in Larger(s.Rds.InstanceClass, InstanceClasses.Rds))
                {
                    yield return ("rdsInstanceClass", s with { Rds = s.Rds with { InstanceClass = c } }, c);
                }

                break;
            case ComponentKind.DatabasePrimary:
                foreach (var c in Larger(s.Rds.InstanceClass, InstanceClasses.Rds))
                {
                    yield return ("rdsInstanceClass", s with { Rds = s.Rds with { InstanceClass = c } }, c);
                }

                if (s.Rds.ReadReplicas == 0)
                {
                    yield return ("rdsReadReplicas", s with { Rds = s.Rds with { ReadReplicas = 1 } }, "1");
                }

                break;
            case ComponentKind.Cache:
                foreach (var n in Up(s.Redis.Shards, 500))
                {
                    yield return ("redisShards", s with { Redis = s.Redis with { Shards = n } }, Text(n));
                }

                foreach (var c in Larger(s.Redis.NodeType, InstanceClasses.Redis))
                {
                    yield return ("redisNodeType", s with { Redis = s.Redis with { NodeType = c } }, c);
                }

                break;
            default:
                // On-demand tables have no stack-file key: pre-warm them (warm throughput) outside the plan.
                break;
        }
    }

    /// <summary>The whole-number keys a fix may step back down when a later step made an earlier one too generous.</summary>
    public static IReadOnlyList<string> WholeNumberKeys { get; } =
        ["tasksMin", "tasksMax", "peakMinTasksMultiplier", "apiRateLimit", "apiBurstLimit", "rdsReadReplicas", "redisShards"];

    public static int Number(StackSettings s, string key) => int.Parse(Value(s, key), CultureInfo.InvariantCulture);

    public static StackSettings With(StackSettings s, string key, int n) => key switch
    {
        "tasksMin" => s with { Tasks = s.Tasks with { Min = n, Desired = Math.Max(n, s.Tasks.Desired), Max = Math.Max(n, s.Tasks.Max) } },
        "tasksMax" => s with { Tasks = s.Tasks with { Max = n } },
        "peakMinTasksMultiplier" => s with { Peak = s.Peak with { MinTasksMultiplier = n } },
        "apiRateLimit" => s with { Api = s.Api with { RateLimit = n } },
        "apiBurstLimit" => s with { Api = s.Api with { BurstLimit = n } },
        "rdsReadReplicas" => s with { Rds = s.Rds with { ReadReplicas = n } },
        "redisShards" => s with { Redis = s.Redis with { Shards = n } },
        _ => throw new ArgumentOutOfRangeException(nameof(key), key, null),
    };

    /// <summary>The key's value in <paramref name="s"/>, as the stack file writes it.</summary>
    public static string Value(StackSettings s, string key) => key switch
    {
        "tasksMin" => Text(s.Tasks.Min),
        "tasksMax" => Text(s.Tasks.Max),
        "peakMinTasksMultiplier" => Text(s.Peak.MinTasksMultiplier),
        "peakWindowStart" => s.Peak.Start.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        "apiRateLimit" => Text(s.Api.RateLimit),
        "apiBurstLimit" => Text(s.Api.BurstLimit),
        "rdsReadReplicas" => Text(s.Rds.ReadReplicas),
        "rdsInstanceClass" => s.Rds.InstanceClass,
        "redisShards" => Text(s.Redis.Shards),
        "redisNodeType" => s.Redis.NodeType,
        _ => throw new ArgumentOutOfRangeException(nameof(key), key, null),
    };

    private static IEnumerable<int> Up(int value, int max, int step = 1)
    {
        var next = Math.Min(max, value + Math.Max(1, step));
        if (next > value)
        {
            yield return next;
        }

        var doubled = Math.Min(max, value * 2);
        if (doubled > next)
        {
            yield return doubled;
        }
    }

    // Next size up in the same family (r6g.large -> r6g.xlarge); the lists are ordered by size within a family.
    private static IEnumerable<string> Larger(string current, IReadOnlyList<string> ordered)
    {
        var family = current[..current.LastIndexOf('.')];
        var index = ordered.ToList().IndexOf(current);
        if (index >= 0 && index + 1 < ordered.Count && ordered[index + 1].StartsWith(family + ".", StringComparison.Ordinal))
        {
            yield return ordered[index + 1];
        }
    }

    private static string Text(int n) => n.ToString(CultureInfo.InvariantCulture);
}
