using SecureCart.Platform.Plan.Compute;

namespace SecureCart.Platform.Plan.Tests.Compute;

public sealed class ArtifactLocationsTests
{
    [Fact]
    public void Locations_ServiceAndFunction_AreRegionalAndStackNeutral()
    {
        Assert.Equal("securecart/order-worker", ArtifactLocations.ImageRepository("order-worker"));
        Assert.Equal("securecart-artifacts-eu-west-1", ArtifactLocations.FunctionBucket("eu-west-1"));
        Assert.Equal("functions/2026.11.30-1/fraud-check.zip", ArtifactLocations.FunctionPackageKey("fraud-check", "2026.11.30-1"));
    }

    [Fact]
    public void ImageRepository_Empty_Throws()
    {
        Assert.Throws<ArgumentException>(() => ArtifactLocations.ImageRepository(""));
    }
}
