using System.Collections.Immutable;
using SecureCart.Platform.Plan;
using SecureCart.Platform.Plan.Configuration;
using SecureCart.Platform.Plan.Cost;
using SecureCart.Platform.Simulation.Behaviour;
using SecureCart.Platform.Simulation.Profiles;
using SecureCart.Platform.Simulation.Results;

namespace SecureCart.Platform.Simulation.Engine;

/// <summary>
/// Runs a profile against the plans of every stack, in fixed steps. Global Accelerator sends each stack the
/// share of the world nearest it times its traffic dial; what a lowered dial turns away goes to the other
/// stacks in proportion to what they take.
/// </summary>
public sealed class Simulator(AwsBehaviour aws, CostModel cost)
{
    public static Simulator Default { get; } = new(AwsBehaviour.Default, CostModel.Default);

    /// <summary>Every scenario of the profile: as written, or once per stack evacuated.</summary>
    public ImmutableArray<ScenarioResult> Run(TrafficProfile profile, IReadOnlyList<StackSettings> stacks)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(stacks);
        return profile.Evacuation is null
            ? [RunScenario(profile, stacks, null)]
            : [.. stacks.Select(s => RunScenario(profile, stacks, s.StackName))];
    }

    public ScenarioResult RunScenario(TrafficProfile profile, IReadOnlyList<StackSettings> stacks, string? evacuated) =>
        RunScenario(profile, stacks, evacuated, null);

    /// <param name="substeps">Splits the step starting at a second into this many equal steps; the per-request
    /// baseline of the benchmark passes the requests arriving in the step, so each request is a step.</param>
    internal ScenarioResult RunScenario(TrafficProfile profile, IReadOnlyList<StackSettings> stacks, string? evacuated, Func<double, int>? substeps)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(stacks);
        var n = stacks.Count;
        var shares = Shares(profile, stacks);
        var dials = stacks.Select(s => s.TrafficDial / 100.0).ToArray();
        var dialEvents = profile.Dials.Select(d => (Second: d.Minute * 60, Index: IndexOf(stacks, d.Stack), Dial: d.Dial / 100.0)).ToList();
        if (evacuated is not null)
        {
            dialEvents.Add((profile.Evacuation!.Minute * 60, IndexOf(stacks, evacuated), 0));
        }

        dialEvents.Sort((a, b) => a.Second.CompareTo(b.Second));
        var arriving = new double[n];
        var entry = new double[n];
        Split(profile.RpsAt(0), shares, dials, arriving);

        var models = new StackModel[n];
        for (var i = 0; i < n; i++)
        {
            // The starting point is steady state: API Gateway admits the baseline (it is within its rate).
            models[i] = new StackModel(RegionalPlanner.Plan(stacks[i], stacks), profile, aws, cost, arriving[i]);
        }

        var dt = (double)profile.ResolutionSeconds;
        var steps = profile.DurationSeconds / profile.ResolutionSeconds;
        var stepsPerMinute = 60 / profile.ResolutionSeconds;
        var tables = models[0].TableCount;
        var writes = new double[tables];
        var nextEvent = 0;
        for (var k = 0; k < steps; k++)
        {
            var m = substeps?.Invoke(k * dt) ?? 1;
            var h = dt / m;
            for (var j = 0; j < m; j++)
            {
                var t = k * dt + j * h;
                while (nextEvent < dialEvents.Count && dialEvents[nextEvent].Second <= t)
                {
                    dials[dialEvents[nextEvent].Index] = dialEvents[nextEvent].Dial;
                    nextEvent++;
                }

                Split(profile.RpsAt(t), shares, dials, arriving);
                Array.Clear(writes);
                for (var i = 0; i < n; i++)
                {
                    models[i].PoolStep(t);
                    entry[i] = models[i].Admit(arriving[i], h);
                    for (var w = 0; w < tables; w++)
                    {
                        writes[w] += models[i].WriteUnits(w, entry[i]);
                    }
                }

                for (var i = 0; i < n; i++)
                {
                    models[i].Step(t, h, entry[i], writes);
                }
            }

            if ((k + 1) % stepsPerMinute == 0)
            {
                var minute = (k + 1) / stepsPerMinute - 1;
                for (var i = 0; i < n; i++)
                {
                    models[i].EndMinute(minute, (k + 1) * dt);
                }
            }
        }

        var name = evacuated is null ? profile.Name : $"{profile.Name}: {evacuated} evacuated at minute {profile.Evacuation!.Minute:0.#}";
        return new ScenarioResult(name, profile.DurationMinutes, [.. models.Select(m => m.Result())]);
    }

    /// <summary>Requests per second each stack receives from <paramref name="world"/>.</summary>
    internal static void Split(double world, double[] shares, double[] dials, double[] arriving)
    {
        double kept = 0, turnedAway = 0;
        for (var i = 0; i < shares.Length; i++)
        {
            kept += shares[i] * dials[i];
            turnedAway += shares[i] * (1 - dials[i]);
        }

        for (var i = 0; i < shares.Length; i++)
        {
            var own = shares[i] * dials[i];
            arriving[i] = kept > 0 ? world * (own + turnedAway * own / kept) : 0;
        }
    }

    private static double[] Shares(TrafficProfile profile, IReadOnlyList<StackSettings> stacks)
    {
        var raw = stacks.Select(s => profile.RegionShares.Count == 0 ? 1.0 : profile.RegionShares.GetValueOrDefault(s.StackName)).ToArray();
        var total = raw.Sum();
        return [.. raw.Select(r => total > 0 ? r / total : 1.0 / raw.Length)];
    }

    private static int IndexOf(IReadOnlyList<StackSettings> stacks, string name)
    {
        for (var i = 0; i < stacks.Count; i++)
        {
            if (stacks[i].StackName == name)
            {
                return i;
            }
        }

        throw new ArgumentException($"No stack '{name}' among {string.Join(", ", stacks.Select(s => s.StackName))}", nameof(name));
    }
}
