namespace SecureCart.Platform.Plan.Network;

/// <summary>How private subnets reach the internet.</summary>
public enum NatStrategy
{
    /// <summary>One NAT gateway per AZ: an AZ outage does not take egress from the others.</summary>
    PerAz,

    /// <summary>One NAT gateway for the VPC: cheaper, for previews.</summary>
    OneForVpc,
}
