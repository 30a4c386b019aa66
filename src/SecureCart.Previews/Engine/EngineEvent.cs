namespace SecureCart.Previews.Engine;

/// <param name="Type">Short kind, e.g. "resource", "diagnostic", "stdout", "summary".</param>
public sealed record EngineEvent(string Type, string Message);
