namespace SecureCart.Platform.Plan.Recovery;

/// <summary>What a failure costs one data store: how much data (RPO) and how long (RTO), by which mechanism, per AWS's own figures.</summary>
/// <param name="Store">The data store, as the plan names it.</param>
/// <param name="Failure">The failure this row is about (a zone, or the region).</param>
/// <param name="Mechanism">What recovers it.</param>
/// <param name="Rpo">Data lost at most.</param>
/// <param name="Rto">Time until it serves again.</param>
/// <param name="Source">The AWS documentation page the figures come from.</param>
public sealed record RecoveryObjective(string Store, string Failure, string Mechanism, string Rpo, string Rto, string Source);
