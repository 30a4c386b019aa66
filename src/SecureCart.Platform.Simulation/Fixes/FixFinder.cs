using System.Collections.Immutable;
using SecureCart.Platform.Plan;
using SecureCart.Platform.Plan.Configuration;
using SecureCart.Platform.Plan.Cost;
using SecureCart.Platform.Simulation.Engine;
using SecureCart.Platform.Simulation.Profiles;
using SecureCart.Platform.Simulation.Results;

namespace SecureCart.Platform.Simulation.Fixes;

/// <summary>
/// Searches the stack-file keys for the cheapest change that removes every breach: each round tries one step
/// of every key that can relieve a breaching component, re-simulates the whole profile, and keeps the step
/// that removes the most breach minutes per dollar (fixed monthly cost plus the surge's cost). The final
/// settings are re-simulated once more, so what is printed is what was verified.
/// </summary>
public sealed class FixFinder(Simulator simulator, CostModel cost)
{
    public static FixFinder Default { get; } = new(Simulator.Default, CostModel.Default);

    public FixResult? Find(TrafficProfile profile, ProjectConfiguration project, ImmutableArray<ScenarioResult> baseline, int maxRounds = 40)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(project);
        if (!baseline.Any(s => s.Breached))
        {
            return null;
        }

        var original = project.Stacks;
        var current = original.ToArray();
        var runs = baseline;
        var breach = Score(runs);
        var price = Price(current, runs);
        for (var round = 0; round < maxRounds && breach > 0; round++)
        {
            (StackSettings[] Settings, ImmutableArray<ScenarioResult> Runs, int Breach, double Price)? best = null;
            var bestValue = double.NegativeInfinity;
            foreach (var candidate in Candidates(profile, current, runs))
            {
                var trial = Simulate(profile, candidate);
                var trialBreach = Score(trial);
                if (trialBreach >= breach)
                {
                    continue;
                }

                var trialPrice = Price(candidate, trial);
                var value = (breach - trialBreach) / Math.Max(0.01, trialPrice - price);
                if (value > bestValue)
                {
                    (best, bestValue) = ((candidate, trial, trialBreach, trialPrice), value);
                }
            }

            if (best is not { } chosen)
            {
                break;
            }

            (current, runs, breach, price) = chosen;
        }

        current = Trim(profile, original, current, breach);
        var verified = Simulate(profile, current);
        var unresolved = verified.SelectMany(s => s.Stacks.SelectMany(st => st.Components.Where(c => c.Breached).Select(c => $"{st.Stack} {c.Name}")))
            .Distinct().Order(StringComparer.Ordinal).ToImmutableArray();
        return new FixResult(
            Changes(project, original, current),
            verified,
            unresolved,
            Monthly(current) - Monthly([.. original]),
            PeakWindow(current) - PeakWindow([.. original]),
            verified.Sum(s => s.TotalUsd) - baseline.Sum(s => s.TotalUsd));
    }

    /// <summary>
    /// Steps each whole-number key back towards its original value (binary search) while the breach count stays
    /// where the search left it: a doubling taken early may be more than the final set of changes needs.
    /// </summary>
    private StackSettings[] Trim(TrafficProfile profile, IReadOnlyList<StackSettings> original, StackSettings[] current, int breach)
    {
        for (var i = 0; i < current.Length; i++)
        {
            foreach (var key in StackKnobs.WholeNumberKeys)
            {
                var (low, high) = (StackKnobs.Number(original[i], key), StackKnobs.Number(current[i], key));
                while (low < high)
                {
                    var mid = low + (high - low) / 2;
                    var trial = (StackSettings[])current.Clone();
                    trial[i] = StackKnobs.With(current[i], key, mid);
                    if (Score(Simulate(profile, trial)) <= breach)
                    {
                        (high, current) = (mid, trial);
                    }
                    else
                    {
                        low = mid + 1;
                    }
                }
            }
        }

        return current;
    }

    private ImmutableArray<ScenarioResult> Simulate(TrafficProfile profile, StackSettings[] stacks) => simulator.Run(profile, stacks);

    private static IEnumerable<StackSettings[]> Candidates(TrafficProfile profile, StackSettings[] current, ImmutableArray<ScenarioResult> runs)
    {
        for (var i = 0; i < current.Length; i++)
        {
            var stack = current[i].StackName;
            var kinds = runs.SelectMany(r => r.Stacks.Where(s => s.Stack == stack).SelectMany(s => s.Components))
                .Where(c => c.Breached).Select(c => c.Kind).Distinct();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var kind in kinds)
            {
                foreach (var (key, settings, value) in StackKnobs.Candidates(current[i], kind, profile.Start))
                {
                    if (seen.Add(key + "=" + value))
                    {
                        var next = (StackSettings[])current.Clone();
                        next[i] = settings;
                        yield return next;
                    }
                }
            }
        }
    }

    // Sum over components, so relieving one of several breaching parts of a minute still counts as progress.
    private static int Score(ImmutableArray<ScenarioResult> runs) =>
        runs.Sum(r => r.Stacks.Sum(s => s.Components.Sum(c => c.BreachMinutes.Length)));

    private double Price(StackSettings[] stacks, ImmutableArray<ScenarioResult> runs) => Monthly(stacks) + PeakWindow(stacks) + runs.Sum(r => r.TotalUsd);

    /// <summary>
    /// What the peak window's raised minimums cost over the whole window (extra tasks at the on-demand Fargate
    /// price): the cost model prices the steady state only, and a longer or higher window is not free.
    /// </summary>
    private double PeakWindow(StackSettings[] stacks)
    {
        var total = 0.0;
        foreach (var stack in stacks)
        {
            var hours = Math.Max(0, (stack.Peak.End - stack.Peak.Start).TotalHours);
            var plan = RegionalPlanner.Plan(stack, stacks);
            foreach (var service in plan.Compute.Services.Where(s => s.CapacityProviders.Any(c => c.Provider == Plan.Compute.ComputePlanner.Fargate)))
            {
                var extra = service.Scaling.Scheduled.Where(a => a.Name == "peak-start").Sum(a => a.MinCapacity - service.Scaling.Min);
                var arch = service.Architecture == Plan.Compute.CpuArchitecture.Arm64 ? "arm64" : "x86_64";
                var perTask = (cost.Prices.Find(plan.Region, $"fargate.vcpu-hour.{arch}") ?? 0m) * service.Cpu / 1024m + (cost.Prices.Find(plan.Region, $"fargate.gb-hour.{arch}") ?? 0m) * service.MemoryMb / 1024m;
                total += extra * (double)perTask * hours;
            }
        }

        return total;
    }

    private double Monthly(StackSettings[] stacks) =>
        stacks.Sum(s => (double)cost.Estimate(RegionalPlanner.Plan(s, stacks)).MonthlyUsd);

    private static ImmutableArray<PlanChange> Changes(ProjectConfiguration project, IReadOnlyList<StackSettings> original, StackSettings[] current)
    {
        var changes = ImmutableArray.CreateBuilder<PlanChange>();
        foreach (var (before, after) in original.Zip(current))
        {
            var file = $"{StackFile.Prefix}{before.StackName}.yaml";
            var path = Path.Combine(project.Directory, file);
            var lines = File.Exists(path) ? StackFile.Load(path, []) : null;
            foreach (var key in s_knobKeys)
            {
                var (from, to) = (StackKnobs.Value(before, key), StackKnobs.Value(after, key));
                if (from != to)
                {
                    var full = StackSettingsSchema.ProjectName + ":" + key;
                    var line = lines?.Values.TryGetValue(full, out var v) == true ? v.Line : 0;
                    changes.Add(new PlanChange(before.StackName, file, line, full, from, to));
                }
            }
        }

        return changes.ToImmutable();
    }

    private static readonly string[] s_knobKeys =
        ["tasksMin", "tasksMax", "peakMinTasksMultiplier", "peakWindowStart", "apiRateLimit", "apiBurstLimit", "rdsReadReplicas", "rdsInstanceClass", "redisShards", "redisNodeType"];
}
