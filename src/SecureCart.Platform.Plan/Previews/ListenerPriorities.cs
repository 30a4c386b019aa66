using System.Buffers.Binary;
using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;

namespace SecureCart.Platform.Plan.Previews;

/// <summary>
/// Where a preview's host rules sit on the base stack's shared HTTPS listener. An ALB listener takes rule
/// priorities 1 to 50,000, each used once (https://docs.aws.amazon.com/elasticloadbalancing/latest/application/listener-update-rules.html);
/// leaving the priority out makes the provider pick "the next free one" by reading the listener first, which two
/// creates at once both read the same way. So each environment gets a slot: a block of
/// <see cref="RulesPerSlot"/> consecutive priorities above <see cref="FirstPriority"/>.
/// </summary>
/// <remarks>
/// The slot an environment tries first is a hash of its name, so two creates rarely start in the same place and
/// the same name always probes the same sequence (deterministic). The listener itself refuses a priority that
/// is taken (PriorityInUse) atomically; an engine that meets that answer moves to the next slot of the sequence,
/// so no two live environments ever share a priority (collision-free), whatever runs concurrently.
/// </remarks>
public static class ListenerPriorities
{
    /// <summary>ALB listener rule priorities run from 1 to 50,000.</summary>
    public const int MaxPriority = 50_000;

    /// <summary>Priorities below this stay with the base stack's own rules (redirects, health checks).</summary>
    public const int FirstPriority = 1_000;

    /// <summary>Room per environment: today's five public services plus headroom, so adding one moves no one.</summary>
    public const int RulesPerSlot = 10;

    public const int SlotCount = (MaxPriority - FirstPriority + 1) / RulesPerSlot;

    /// <summary>Every slot, in the order an environment of this name tries them.</summary>
    public static IEnumerable<int> ProbeOrder(string environment)
    {
        ArgumentException.ThrowIfNullOrEmpty(environment);
        var start = (int)(StableHash(environment) % SlotCount);
        for (var i = 0; i < SlotCount; i++)
        {
            yield return (start + i) % SlotCount;
        }
    }

    /// <summary>
    /// The slot's priority for each routed service. The ALB tries lower priorities first and all of one
    /// environment's rules match the same host, so narrower path patterns come before the catch-all "/*".
    /// </summary>
    public static ListenerAssignment Assign(int slot, IEnumerable<PreviewServicePlan> services)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(slot);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(slot, SlotCount);
        ArgumentNullException.ThrowIfNull(services);
        var routed = services
            .Where(s => s.PathPattern is not null)
            .OrderBy(s => s.PathPattern == "/*" ? 1 : 0)
            .ThenBy(s => s.LogicalName, StringComparer.Ordinal)
            .ToList();
        if (routed.Count > RulesPerSlot)
        {
            throw new ArgumentException($"{routed.Count} routed services need more than the {RulesPerSlot} priorities of a slot; raise {nameof(RulesPerSlot)}", nameof(services));
        }

        var first = FirstPriority + (slot * RulesPerSlot);
        var priorities = routed.Select((s, i) => KeyValuePair.Create(s.LogicalName, first + i)).ToImmutableSortedDictionary(StringComparer.Ordinal);
        return new ListenerAssignment(slot, priorities);
    }

    // Stable across processes and runtimes, unlike string.GetHashCode, and well spread for names that differ
    // only in a suffix (pr-1, pr-2…), which simple multiplicative hashes place in few slots modulo SlotCount.
    private static uint StableHash(string text) => BinaryPrimitives.ReadUInt32BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
