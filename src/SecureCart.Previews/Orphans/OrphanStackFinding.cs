namespace SecureCart.Previews.Orphans;

/// <summary>A stack in the backend that no live environment owns; <see cref="Outcome"/> is "reported", "destroyed: …" or "destroy failed: …".</summary>
public sealed record OrphanStackFinding(string Name, string Outcome);
