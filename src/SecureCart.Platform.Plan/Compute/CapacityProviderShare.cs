namespace SecureCart.Platform.Plan.Compute;

/// <summary>One entry of a service's capacity provider strategy.</summary>
public sealed record CapacityProviderShare(string Provider, int Base, int Weight);
