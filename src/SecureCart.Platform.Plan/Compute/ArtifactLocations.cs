namespace SecureCart.Platform.Plan.Compute;

/// <summary>
/// Where the release pipeline puts what the stacks run: one ECR repository per service (in each region's
/// registry, so image pulls never cross regions) and one S3 bucket per region for the function packages.
/// The tag is moved by the release pipeline, so an infrastructure change never redeploys application code.
/// </summary>
public static class ArtifactLocations
{
    public const string ReleaseTag = "release";

    public static string ImageRepository(string service)
    {
        ArgumentException.ThrowIfNullOrEmpty(service);
        return $"{Configuration.StackSettingsSchema.ProjectName}/{service}";
    }

    public static string FunctionBucket(string region)
    {
        ArgumentException.ThrowIfNullOrEmpty(region);
        return $"{Configuration.StackSettingsSchema.ProjectName}-artifacts-{region}";
    }

    public static string FunctionPackageKey(string function)
    {
        ArgumentException.ThrowIfNullOrEmpty(function);
        return $"functions/{function}.zip";
    }
}
