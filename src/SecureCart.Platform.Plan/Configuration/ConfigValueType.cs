namespace SecureCart.Platform.Plan.Configuration;

/// <summary>The value types a Pulumi project may declare for a config key.</summary>
public enum ConfigValueType
{
    Text,
    WholeNumber,
    Boolean,
}
