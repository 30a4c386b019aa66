using System.Collections.Immutable;

namespace SecureCart.Previews.Engine;

/// <param name="Outputs">Stack outputs as strings; secret outputs are never included.</param>
public sealed record EngineResult(ImmutableDictionary<string, string> Outputs, string Summary);
