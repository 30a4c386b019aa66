using SecureCart.Platform.Plan.Network;

namespace SecureCart.Platform.Plan.Tests.Network;

public sealed class ZoneSlotTests
{
    [Fact]
    public void Resolve_RegionWithoutAZoneC_UsesTheZonesTheAccountIsOffered()
    {
        var zones = ZoneSlot.Resolve(["zone-1", "zone-2", "zone-3"], ["ca-central-1d", "ca-central-1a", "ca-central-1b"], "ca-central-1");

        Assert.Equal(["ca-central-1a", "ca-central-1b", "ca-central-1d"], zones);
    }

    [Fact]
    public void Resolve_SlotsOutOfOrder_EachSlotKeepsItsZone()
    {
        var zones = ZoneSlot.Resolve(["zone-2", "zone-1", "zone-2"], ["us-west-1c", "us-west-1b"], "us-west-1");

        Assert.Equal(["us-west-1c", "us-west-1b", "us-west-1c"], zones);
    }

    [Fact]
    public void Resolve_AccountOfferedFewerZones_FailsNamingTheZonesAndTheFix()
    {
        var error = Assert.Throws<InvalidOperationException>(() => ZoneSlot.Resolve(["zone-1", "zone-2", "zone-3"], ["us-west-1b", "us-west-1c"], "us-west-1"));

        Assert.Contains("over 3 Availability Zones but this account is offered 2 (us-west-1b, us-west-1c)", error.Message, StringComparison.Ordinal);
        Assert.Contains("regions.json", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("us-east-1a")]
    [InlineData("zone-0")]
    [InlineData("zone-x")]
    public void Index_NotASlot_Throws(string slot) => Assert.Throws<ArgumentException>(() => ZoneSlot.Index(slot));

    [Fact]
    public void RegionCatalog_CommercialRegions_UsWest1OffersTwoAndTheRestAtLeastThree()
    {
        var catalog = RegionCatalog.Default;

        Assert.Equal(2, catalog.ZonesIn("us-west-1"));
        Assert.All(catalog.Regions.Where(r => r != "us-west-1"), r => Assert.True(catalog.ZonesIn(r) >= 3, r));
        Assert.All(catalog.Regions, r => Assert.Matches(@"^[a-z]{2}-[a-z]+-\d$", r));
        Assert.Contains("ap-southeast-1", catalog.Regions);
        Assert.False(catalog.Knows("xx-future-9"));
        Assert.Equal(3, catalog.ZonesIn("xx-future-9"));
    }
}
