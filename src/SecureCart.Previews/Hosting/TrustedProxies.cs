using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using SecureCart.Previews.Options;

namespace SecureCart.Previews.Hosting;

/// <summary>Turns the configured proxies and networks into the forwarded-headers rules; a bad entry stops startup.</summary>
internal static class TrustedProxies
{
    private static readonly char[] s_separators = [',', ' ', ';'];

    public static void Apply(ForwardedHeadersOptions forwarded, NetworkOptions network)
    {
        // ASP.NET Core trusts loopback by default; here only what the operator lists is trusted.
        forwarded.KnownProxies.Clear();
        forwarded.KnownIPNetworks.Clear();
        var proxies = Split(network.KnownProxies);
        var networks = Split(network.KnownNetworks);

        // Empty lists would make the middleware believe every sender, so with none listed no header is read at all.
        forwarded.ForwardedHeaders = proxies.Length + networks.Length == 0
            ? ForwardedHeaders.None
            : ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;

        // Each hop is believed only while it comes from a trusted address, so walking the whole chain is safe and
        // lets a CDN in front of the load balancer work too.
        forwarded.ForwardLimit = null;
        foreach (var entry in proxies)
        {
            forwarded.KnownProxies.Add(IPAddress.TryParse(entry, out var address)
                ? address
                : throw new InvalidOperationException($"Previews:Network:KnownProxies: '{entry}' is not an IP address (list addresses such as 10.0.0.5, separated by commas)."));
        }

        foreach (var entry in networks)
        {
            forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(entry, out var range)
                ? range
                : throw new InvalidOperationException($"Previews:Network:KnownNetworks: '{entry}' is not a CIDR range (list ranges such as 10.0.0.0/16, separated by commas)."));
        }
    }

    private static string[] Split(string? list) =>
        list?.Split(s_separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
}
