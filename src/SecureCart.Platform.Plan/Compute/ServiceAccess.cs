namespace SecureCart.Platform.Plan.Compute;

/// <summary>One grant of a service's task role: a kind of access to a plan resource named by its logical name.</summary>
public sealed record ServiceAccess(AccessKind Kind, string Resource);
