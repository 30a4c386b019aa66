using System.Collections.Immutable;

namespace SecureCart.Platform.Plan.Previews;

/// <summary>A preview's slot on the shared listener and the rule priority of each routed service in it.</summary>
/// <param name="Priorities">Service logical name to listener rule priority.</param>
public sealed record ListenerAssignment(int Slot, ImmutableSortedDictionary<string, int> Priorities);
