namespace SecureCart.Platform.Plan.Configuration;

/// <summary>What the plan accepts for one <c>securecart:</c> key.</summary>
/// <param name="Name">Key name without the project namespace.</param>
/// <param name="Type">Value type, as declared in Pulumi.yaml.</param>
/// <param name="Description">One line, shown in errors and docs.</param>
/// <param name="PerStack">True when stacks are expected to differ on this key (parity ignores it).</param>
/// <param name="Required">True when neither Pulumi.yaml nor a size profile may supply it.</param>
/// <param name="Secret">True when the value must be stored with <c>pulumi config set --secret</c>.</param>
/// <param name="Check">Returns what to fix for a well-typed but unacceptable value, or null.</param>
/// <param name="DeployedAs">For a per-stack key, the resource inputs that carry it (parity lets them differ).</param>
public sealed record ConfigKeyDefinition(
    string Name,
    ConfigValueType Type,
    string Description,
    bool PerStack = false,
    bool Required = false,
    bool Secret = false,
    Func<object, string?>? Check = null,
    IReadOnlyList<DeployedProperty>? DeployedAs = null);
