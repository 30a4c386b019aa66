using System.Text.Json;
using SecureCart.Platform.Review.Digest;
using SecureCart.Platform.Review.Preview;

namespace SecureCart.Platform.Review.Plans;

/// <summary>
/// Proves a saved plan applies exactly the reviewed steps: per URN the same ops (pkg/resource/deploy
/// step_generator.go checks each step of `up --plan` against the plan's `steps` in order), and for each
/// resource the goal's protect, provider, parent and input changes equal the reviewed new state.
/// </summary>
internal sealed class PlanCheck(DeploymentPlan plan)
{
    private readonly Dictionary<string, List<string>> _ops = new(StringComparer.Ordinal);
    private readonly List<(string Urn, string Problem)> _problems = [];

    public void Add(PreviewStep step)
    {
        if (step.FromExport)
        {
            return;
        }

        var urn = step.Urn.Value;
        if (step.Op != StepOperations.Same)
        {
            if (!_ops.TryGetValue(urn, out var ops))
            {
                _ops[urn] = ops = [];
            }

            ops.Add(step.Op);
        }

        if (!plan.Resources.TryGetValue(urn, out var planned) || !planned.HasGoal || step.New is not { } now
            || step.Op is StepOperations.Delete or StepOperations.DeleteReplaced)
        {
            return;
        }

        if (planned.Protect != now.Protect)
        {
            _problems.Add((urn, $"protect is {Word(planned.Protect)} in the plan but {Word(now.Protect)} in the review"));
        }

        if (planned.Provider is { } provider && now.Provider is { } current && provider != current)
        {
            _problems.Add((urn, $"the provider differs (plan `{Excerpt.Of(provider, 120)}`, review `{Excerpt.Of(current, 120)}`)"));
        }

        if (planned.Parent != now.Parent && planned.Parent is not null)
        {
            _problems.Add((urn, "the parent differs"));
        }

        foreach (var (name, value) in planned.InputSets)
        {
            var reviewed = now.Input(name);
            if (reviewed.ValueKind == JsonValueKind.Undefined || !Canonical(value).AsSpan().SequenceEqual(Canonical(reviewed)))
            {
                _problems.Add((urn, $"input `{Excerpt.Of(name)}` differs between the plan and the review"));
            }
        }

        foreach (var name in planned.InputDeletes)
        {
            if (now.Input(name).ValueKind != JsonValueKind.Undefined)
            {
                _problems.Add((urn, $"the plan removes input `{Excerpt.Of(name)}`, the review keeps it"));
            }
        }
    }

    /// <summary>Every difference, by resource; empty when the plan applies exactly the reviewed steps.</summary>
    public IReadOnlyList<(string Urn, string Problem)> Finish()
    {
        foreach (var (urn, planned) in plan.Resources)
        {
            var got = _ops.GetValueOrDefault(urn) ?? [];

            // Without --show-replacement-steps a preview shows a replacement as `replace` alone, while the plan
            // records all three steps; the halves are then compared as the review could show them.
            var halves = got.Contains(StepOperations.CreateReplacement) || got.Contains(StepOperations.DeleteReplaced);
            var want = planned.Steps
                .Where(op => op != StepOperations.Same && (halves || op is not (StepOperations.CreateReplacement or StepOperations.DeleteReplaced)))
                .ToList();
            if (!want.SequenceEqual(got, StringComparer.Ordinal))
            {
                _problems.Add((urn, $"the plan takes [{string.Join(", ", want)}], the review shows [{string.Join(", ", got)}]"));
            }
        }

        foreach (var (urn, ops) in _ops)
        {
            if (!plan.Resources.ContainsKey(urn))
            {
                _problems.Add((urn, $"the review shows [{string.Join(", ", ops)}] but the plan has no entry, so `up --plan` refuses it"));
            }
        }

        return _problems;
    }

    private static string Word(bool value) => value ? "on" : "off";

    private static byte[] Canonical(JsonElement value)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            CanonicalJson.Write(writer, value);
        }

        return buffer.ToArray();
    }
}
