namespace SecureCart.Platform.Plan.Constraints;

/// <summary>The AWS documentation sentence a rule encodes, and where it is.</summary>
public sealed record AwsCitation(string Url, string Sentence);
