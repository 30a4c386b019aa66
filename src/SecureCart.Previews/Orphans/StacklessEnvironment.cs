namespace SecureCart.Previews.Orphans;

/// <summary>A ready environment whose stack is not in the backend (removed by hand, or a lost backend).</summary>
public sealed record StacklessEnvironment(Guid Id, string Team, string Name, string StackName, string Status);
