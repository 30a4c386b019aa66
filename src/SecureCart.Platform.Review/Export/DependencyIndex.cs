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
        foreach (var target in state.Dependencies.Concat(state.PropertyDependencies.Values.SelectMany(v => v)))
        {
            if (target == state.Urn || (keepTarget is not null && !keepTarget(target)))
            {
                continue;
            }

            if (!_dependents.TryGetValue(target, out var set))
            {
                _dependents[target] = set = new HashSet<string>(StringComparer.Ordinal);
            }

            set.Add(state.Urn);
        }
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
