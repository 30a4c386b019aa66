namespace SecureCart.Previews.Engine;

/// <summary>
/// The stacks an engine's backend holds, for the orphan sweep: the Pulumi engine asks its backend, the plan-only
/// engine keeps the set it "created". An engine without it cannot be swept (the sweep reports that).
/// </summary>
public interface IStackInventory
{
    /// <summary>Names of the stacks in the engine's project (short names, not organisation/project qualified).</summary>
    Task<IReadOnlyList<string>> ListStacksAsync(CancellationToken cancellationToken);

    /// <summary>Destroys a stack's resources and removes the stack; for stacks that no environment owns.</summary>
    Task<string> DestroyStackAsync(string stackName, CancellationToken cancellationToken);
}
