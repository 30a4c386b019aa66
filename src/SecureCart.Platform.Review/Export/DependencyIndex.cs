using System.Collections.Immutable;
using SecureCart.Platform.Review.Preview;

namespace SecureCart.Platform.Review.Export;

/// <summary>
/// Who depends on whom, from `dependencies` and `propertyDependencies` (a stack export, or the old states of a
/// preview's steps). Edges can be limited to targets of interest so a 100,000-step preview stays small.
/// </summary>
public sealed class DependencyIndex(Func<string, bool>? keepTarget = null)
{
    private readonly Dictionary<string, HashSet<string>> _dependents = new(StringComparer.Ordinal);

    public void Add(ResourceState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        // Walked without LINQ: this runs for both states of every step of a preview.
        foreach (var target in state.Dependencies)
        {
            Edge(state.Urn, target);
        }

        if (state.PropertyDependencies.IsEmpty)
        {
            return;
        }

        foreach (var (_, targets) in state.PropertyDependencies)
        {
            foreach (var target in targets)
            {
                Edge(state.Urn, target);
            }
        }
    }

    private void Edge(string dependent, string target)
    {
        if (target == dependent || (keepTarget is not null && !keepTarget(target)))
        {
            return;
        }

        if (!_dependents.TryGetValue(target, out var set))
        {
            _dependents[target] = set = new HashSet<string>(StringComparer.Ordinal);
        }

        set.Add(dependent);
    }

    /// <summary>Everything that depends on <paramref name="urn"/>, directly or through others, nearest first.</summary>
    public ImmutableArray<string> DependentsOf(string urn)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { urn };
        var order = ImmutableArray.CreateBuilder<string>();
        var queue = new Queue<string>([urn]);
        while (queue.TryDequeue(out var current))
        {
            if (!_dependents.TryGetValue(current, out var direct))
            {
                continue;
            }

            foreach (var dependent in direct.Order(StringComparer.Ordinal))
            {
                if (seen.Add(dependent))
                {
                    order.Add(dependent);
                    queue.Enqueue(dependent);
                }
            }
        }

        return order.ToImmutable();
    }
}
