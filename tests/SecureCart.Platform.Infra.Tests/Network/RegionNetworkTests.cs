namespace SecureCart.Platform.Infra.Tests.Network;

/// <summary>Zones come from the account at deploy time; a Region offering two keeps a valid network.</summary>
public sealed class RegionNetworkTests
{
    private static string ProjectWith(string stack, string region, string cidr)
    {
        var root = Directory.CreateTempSubdirectory("securecart-infra-region-").FullName;
        foreach (var file in Directory.EnumerateFiles(Repository.Root, "Pulumi*.yaml"))
        {
            File.Copy(file, Path.Combine(root, Path.GetFileName(file)));
        }

        File.WriteAllText(Path.Combine(root, $"Pulumi.{stack}.yaml"), $"config:\n  aws:region: {region}\n  securecart:vpcCidr: {cidr}\n  securecart:domain: shop.securecart.example\n  securecart:paymentsApiKey:\n    secure: AAABAPlaceholderCiphertextReplaceWithPulumiConfigSetSecret\n  securecart:pagerEndpoint:\n    secure: AAABAPlaceholderCiphertextReplaceWithPulumiConfigSetSecret\n");
        return root;
    }

    [Fact]
    public async Task Stack_UsWest1WithTwoZones_SubnetsNatAndReplicasOnThoseTwo()
    {
        var root = ProjectWith("prod-usw", "us-west-1", "10.40.0.0/16");

        var run = await StackRun.RunAsync("prod-usw", root, zones: ["us-west-1c", "us-west-1b"]);

        var subnets = run.OfType("aws:ec2/subnet:Subnet").ToList();
        Assert.Equal(6, subnets.Count);
        Assert.Equal(["us-west-1b", "us-west-1c"], subnets.Select(s => (string)s.Inputs["availabilityZone"]).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(2, run.OfType("aws:ec2/natGateway:NatGateway").Count());
        // The in-region replicas (the cross-Region standby sits where RDS places it in its subnet group).
        var replicas = run.OfType("aws:rds/instance:Instance").Where(i => i.Inputs.ContainsKey("replicateSourceDb") && i.Name != "postgres-standby").ToList();
        Assert.NotEmpty(replicas);
        Assert.All(replicas, r => Assert.Contains((string)r.Inputs["availabilityZone"], new[] { "us-west-1b", "us-west-1c" }));
    }

    [Fact]
    public async Task Stack_SingaporeStackFile_DeploysWithoutPrices()
    {
        var root = ProjectWith("prod-ap", "ap-southeast-1", "10.30.0.0/16");

        var run = await StackRun.RunAsync("prod-ap", root);

        Assert.Equal(9, run.OfType("aws:ec2/subnet:Subnet").Count());
        Assert.Equal("ap-southeast-1", Assert.Single(run.OfType("aws:globalaccelerator/endpointGroup:EndpointGroup")).Inputs["endpointGroupRegion"]);
    }

    [Fact]
    public async Task Stack_AccountOfferedFewerZonesThanPlanned_FailsNamingTheZones()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => StackRun.RunAsync("prod-eu", zones: ["eu-west-1a", "eu-west-1b"]));

        Assert.Contains("offered 2 (eu-west-1a, eu-west-1b)", error.ToString(), StringComparison.Ordinal);
        Assert.Equal(3, Plans.For("prod-eu").Network.AvailabilityZones.Length);
    }
}
