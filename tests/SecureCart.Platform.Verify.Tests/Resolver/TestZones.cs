using System.Collections.Immutable;

namespace SecureCart.Platform.Verify.Tests.Resolver;

/// <summary>
/// Zones that play the internet for the shipped plan (shop.securecart.example): the shop's names, and the services'
/// own names and reverse zones (documentation address ranges: 192.0.2.0/24 plays CloudFront, 198.51.100.0/24 the
/// accelerator, 203.0.113.0/24 API Gateway).
/// </summary>
internal static class TestZones
{
    public const string Shop = "shop.securecart.example";
    public const string Distribution = "d111.cloudfront.net";
    public const string Accelerator = "a1234567890abcdef.awsglobalaccelerator.com";
    public const string UsGateway = "d-us1.execute-api.us-east-1.amazonaws.com";

    /// <summary>Every public name of the prod-us plan, as deployed.</summary>
    public static string RightShop => """
        @ A 192.0.2.10
        @ AAAA 2001:db8::10
        www A 192.0.2.10
        www AAAA 2001:db8::10
        api A 198.51.100.7
        api A 198.51.100.8
        gateway A 203.0.113.5
        """;

    public static ImmutableDictionary<string, string> With(string shop) => ImmutableDictionary<string, string>.Empty
        .Add(Shop, shop)
        .Add("cloudfront.net", "d111 A 192.0.2.10\nd111 AAAA 2001:db8::10")
        .Add("awsglobalaccelerator.com", "a1234567890abcdef A 198.51.100.7\na1234567890abcdef A 198.51.100.8")
        .Add("execute-api.us-east-1.amazonaws.com", "d-us1 A 203.0.113.5")
        .Add("2.0.192.in-addr.arpa", "10 PTR server-192-0-2-10.fra56.r.cloudfront.net.")
        .Add("100.51.198.in-addr.arpa", "7 PTR a1234567890abcdef.awsglobalaccelerator.com.\n8 PTR a1234567890abcdef.awsglobalaccelerator.com.")
        // 2001:db8::10 in nibble form, below 2001:db8::/32.
        .Add("8.b.d.0.1.0.0.2.ip6.arpa", "0.1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0 PTR server-2001-db8--10.fra56.r.cloudfront.net.");
}
