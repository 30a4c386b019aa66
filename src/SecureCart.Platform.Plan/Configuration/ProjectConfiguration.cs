namespace SecureCart.Platform.Plan.Configuration;

/// <summary>The project and all its stacks, validated together.</summary>
/// <param name="Directory">Folder holding Pulumi.yaml.</param>
/// <param name="Stacks">Every stack file found, ordered by stack name.</param>
public sealed record ProjectConfiguration(string Directory, IReadOnlyList<StackSettings> Stacks)
{
    /// <summary>The stack that owns the global singletons; validation guarantees there is exactly one.</summary>
    public StackSettings Home => Stacks.Single(s => s.IsHome);

    public StackSettings Stack(string name) =>
        Stacks.FirstOrDefault(s => s.StackName == name)
        ?? throw new ArgumentException(
            $"No stack '{name}' in {Directory}; stacks here: {string.Join(", ", Stacks.Select(s => s.StackName))}", nameof(name));
}
