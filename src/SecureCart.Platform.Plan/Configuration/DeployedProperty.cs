namespace SecureCart.Platform.Plan.Configuration;

/// <summary>Where a setting lands in the deployed stack: a resource type token and an input property.</summary>
public sealed record DeployedProperty(string Type, string Property);
