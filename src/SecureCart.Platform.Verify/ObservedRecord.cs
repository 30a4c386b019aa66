namespace SecureCart.Platform.Verify;

/// <summary>A record set as the hosted zone lists it (ListResourceRecordSets), reduced to what the checks need.</summary>
/// <param name="Name">Name as Route 53 returns it (trailing dot and escapes allowed; compared normalised).</param>
/// <param name="AliasTarget">The alias target's DNS name, or null for a plain record.</param>
/// <param name="Values">Values of a plain record (empty for an alias).</param>
public sealed record ObservedRecord(string Name, string Type, string? SetIdentifier, string? Region, string? AliasTarget, IReadOnlyList<string> Values);
