namespace SecureCart.Platform.Simulation.Fixes;

/// <summary>One stack-file line to change: the key, its value now and the value that removes the breaches.</summary>
/// <param name="Line">Line of the key in the stack file, or 0 when the stack takes Pulumi.yaml's default (add the line).</param>
public sealed record PlanChange(string Stack, string File, int Line, string Key, string From, string To)
{
    public override string ToString() => Line > 0
        ? $"{File}:{Line}: {Key}: {From} -> {To}"
        : $"{File}: add '{Key}: {To}' (now the default {From})";
}
