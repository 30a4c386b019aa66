using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using SecureCart.Platform.Plan.Configuration;

namespace SecureCart.Platform.Plan.Parity;

/// <summary>Compares the plans of all stacks and lists every difference that is not a declared per-stack setting.</summary>
public static class PlanComparer
{
    public static ParityResult Compare(ProjectConfiguration project)
    {
        ArgumentNullException.ThrowIfNull(project);
        var reference = project.Home;
        var referencePlan = PlanNormalizer.NormalizedPlan(reference);
        var differences = new List<PlanDifference>();
        foreach (var stack in project.Stacks.Where(s => s.StackName != reference.StackName))
        {
            Diff(PlanNormalizer.NormalizedPlan(stack), referencePlan, "", (path, theirs, ours) =>
                differences.Add(new PlanDifference(reference.StackName, stack.StackName, path, ours, theirs)));
        }

        return differences.Count == 0
            ? new ParityResult.Identical(Fingerprint(reference), project.Stacks.Count)
            : new ParityResult.Drifted(differences);
    }

    /// <summary>
    /// A hash of the plan normalised for the per-stack settings: two stacks with the same fingerprint deploy
    /// the same thing. Exported as a stack output so deployed stacks can be compared at a glance.
    /// </summary>
    public static string Fingerprint(StackSettings stack)
    {
        var json = PlanNormalizer.NormalizedPlan(stack).ToJsonString();
        return "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)));
    }

    private static bool Keyed(JsonArray array) =>
        array.Count > 0 && array.All(e => e is JsonObject o && o["logicalName"] is JsonValue);

    private static string Name(JsonNode? item) => item!["logicalName"]!.GetValue<string>();

    private static void Diff(JsonNode? node, JsonNode? reference, string path, Action<string, string, string> report)
    {
        switch (node, reference)
        {
            case (JsonObject o, JsonObject r):
                foreach (var key in o.Select(p => p.Key).Union(r.Select(p => p.Key)).Order(StringComparer.Ordinal))
                {
                    Diff(o[key], r[key], path.Length == 0 ? key : $"{path}.{key}", report);
                }

                break;
            case (JsonArray a, JsonArray r) when Keyed(a) && Keyed(r):
                // Lists of named plan items (services, alarms, replicas) are matched by name, not position.
                var mineByName = a.ToDictionary(Name);
                var theirsByName = r.ToDictionary(Name);
                foreach (var name in mineByName.Keys.Union(theirsByName.Keys))
                {
                    Diff(mineByName.GetValueOrDefault(name), theirsByName.GetValueOrDefault(name), $"{path}[{name}]", report);
                }

                break;
            case (JsonArray a, JsonArray r):
                for (var i = 0; i < Math.Max(a.Count, r.Count); i++)
                {
                    Diff(i < a.Count ? a[i] : null, i < r.Count ? r[i] : null, $"{path}[{i}]", report);
                }

                break;
            default:
                var (mine, theirs) = (node?.ToJsonString() ?? "(absent)", reference?.ToJsonString() ?? "(absent)");
                if (mine != theirs)
                {
                    report(path, mine, theirs);
                }

                break;
        }
    }
}
