namespace SecureCart.Platform.Plan.Configuration;

/// <summary>How big a stack is built: a production region, or a small preview.</summary>
public enum SizeProfile
{
    Production,
    Preview,
}
