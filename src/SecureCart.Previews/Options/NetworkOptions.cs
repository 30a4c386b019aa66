namespace SecureCart.Previews.Options;

/// <summary>
/// The load balancers whose X-Forwarded-For the service believes, so the audit records the client behind them.
/// Nothing is trusted unless listed: with both empty the source address is the TCP peer.
/// </summary>
internal sealed class NetworkOptions
{
    public const string Section = "Previews:Network";

    /// <summary>IP addresses, separated by commas or spaces, e.g. "10.0.0.5, 10.0.0.6".</summary>
    public string? KnownProxies { get; set; }

    /// <summary>CIDR ranges, separated by commas or spaces, e.g. "10.0.0.0/16".</summary>
    public string? KnownNetworks { get; set; }
}
