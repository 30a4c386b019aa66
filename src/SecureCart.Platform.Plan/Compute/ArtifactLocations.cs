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

    /// <summary>
    /// The package of a function in a release. The release is part of the key, so a new release is a new
    /// <c>S3Key</c> and Lambda takes the new code; a fixed key would leave the functions on their first code forever.
    /// </summary>
    public static string FunctionPackageKey(string function, string release)
    {
        ArgumentException.ThrowIfNullOrEmpty(function);
        ArgumentException.ThrowIfNullOrEmpty(release);
        return $"functions/{release}/{function}.zip";
    }
}
