namespace SecureCart.Platform.Plan.Configuration;

/// <summary>A key declared in Pulumi.yaml's <c>config:</c> block.</summary>
public sealed record ProjectConfigDeclaration(string Name, string Type, ConfigValue? Default, bool Secret, int Line);
