using SecureCart.Platform.Plan.Network;

namespace SecureCart.Platform.Plan.Tests.Network;

public sealed class Ipv4CidrTests
{
    [Theory]
    [InlineData("10.10.0.0/16", "10.10.0.0/16")]
    [InlineData("192.168.4.0/22", "192.168.4.0/22")]
    [InlineData("0.0.0.0/0", "0.0.0.0/0")]
    public void Parse_RoundTrips(string text, string expected) => Assert.Equal(expected, Ipv4Cidr.Parse(text).ToString());

    [Theory]
    [InlineData("10.10.0.1/16")]
    [InlineData("10.10.0.0/33")]
    [InlineData("10.10.0/16")]
    [InlineData("10.10.0.256/24")]
    [InlineData("10.10.0.0")]
    [InlineData("10.10.0.0/-1")]
    public void TryParse_Invalid_False(string text) => Assert.False(Ipv4Cidr.TryParse(text, out _));

    [Theory]
    [InlineData("10.10.0.0/16", "10.10.255.0/24", true)]
    [InlineData("10.10.0.0/16", "10.11.0.0/16", false)]
    [InlineData("10.0.0.0/8", "10.200.0.0/16", true)]
    [InlineData("10.10.0.0/17", "10.10.128.0/17", false)]
    public void Overlaps_Symmetric(string a, string b, bool expected)
    {
        Assert.Equal(expected, Ipv4Cidr.Parse(a).Overlaps(Ipv4Cidr.Parse(b)));
        Assert.Equal(expected, Ipv4Cidr.Parse(b).Overlaps(Ipv4Cidr.Parse(a)));
    }

    [Fact]
    public void Subnet_IndexPastTheEnd_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Ipv4Cidr.Parse("10.0.0.0/16").Subnet(18, 4));

    [Fact]
    public void Subnet_ComputesOffsets()
    {
        var vpc = Ipv4Cidr.Parse("10.20.0.0/16");

        Assert.Equal("10.20.64.0/18", vpc.Subnet(18, 1).ToString());
        Assert.Equal("10.20.255.0/24", vpc.Subnet(24, 255).ToString());
    }
}
