using SecureCart.Platform.Plan.Configuration;
using SecureCart.Platform.Plan.Network;

namespace SecureCart.Platform.Plan.Tests.Configuration;

public sealed class ProjectLoaderTests : IDisposable
{
    private readonly TestProject _project = new();

    public void Dispose() => _project.Dispose();

    [Fact]
    public void Load_ShippedStackFiles_TwoStacksWithUsHome()
    {
        var project = _project.Loaded();

        Assert.Equal(["prod-eu", "prod-us"], project.Stacks.Select(s => s.StackName));
        Assert.Equal("prod-us", project.Home.StackName);
        var eu = project.Stack("prod-eu");
        Assert.Equal("eu-west-1", eu.Region);
        Assert.Equal(Ipv4Cidr.Parse("10.20.0.0/16"), eu.VpcCidr);
        Assert.Equal(SizeProfile.Production, eu.Profile);
        Assert.Equal(new TaskCounts(3, 4, 40), eu.Tasks);
        Assert.Equal(new RdsSettings("db.r6g.xlarge", 2, 14, 200), eu.Rds);
        Assert.Equal(NatStrategy.PerAz, eu.NatStrategy);
    }

    [Theory]
    [InlineData("securecart:vpcCidrr", "10.30.0.0/16", "securecart:vpcCidrr", "did you mean 'securecart:vpcCidr'")]
    [InlineData("vpcCidr", "10.30.0.0/16", "vpcCidr", "must carry a namespace")]
    [InlineData("securecart:trafficDial", "abc", "securecart:trafficDial", "is not a whole number")]
    [InlineData("securecart:home", "yes", "securecart:home", "is not true or false")]
    [InlineData("securecart:trafficDial", "101", "securecart:trafficDial", "from 0 to 100")]
    [InlineData("securecart:rdsReadReplicas", "16", "securecart:rdsReadReplicas", "from 0 to 15")]
    [InlineData("securecart:rdsBackupRetentionDays", "0", "securecart:rdsBackupRetentionDays", "from 1 to 35")]
    [InlineData("securecart:redisReplicasPerShard", "6", "securecart:redisReplicasPerShard", "from 0 to 5")]
    [InlineData("securecart:rdsStorageGb", "10", "securecart:rdsStorageGb", "from 20 to 65536")]
    [InlineData("securecart:profile", "staging", "securecart:profile", "use one of: production, preview")]
    [InlineData("securecart:natStrategy", "two", "securecart:natStrategy", "use one of: per-az, single")]
    [InlineData("securecart:cpuArchitecture", "arm", "securecart:cpuArchitecture", "use one of: arm64, x86_64")]
    [InlineData("securecart:rdsInstanceClass", "db.m5.large", "securecart:rdsInstanceClass", "is not allowed")]
    [InlineData("securecart:redisNodeType", "cache.m5.large", "securecart:redisNodeType", "is not allowed")]
    [InlineData("securecart:vpcCidr", "10.20.0.1/16", "securecart:vpcCidr", "host bits zero")]
    [InlineData("securecart:vpcCidr", "10.20.0.0/24", "securecart:vpcCidr", "/16 to /20")]
    [InlineData("securecart:vpcCidr", "8.8.0.0/16", "securecart:vpcCidr", "not a private range")]
    [InlineData("securecart:vpcCidr", "nonsense", "securecart:vpcCidr", "is not an IPv4 CIDR block")]
    [InlineData("securecart:vpcCidr", "10.10.0.0/20", "securecart:vpcCidr", "overlaps 10.10.0.0/16")]
    [InlineData("securecart:domain", "Shop_Example", "securecart:domain", "is not a DNS domain")]
    [InlineData("securecart:domain", "other.example.com", "securecart:domain", "all regions serve one shop")]
    [InlineData("securecart:alarmEmail", "oncall", "securecart:alarmEmail", "is not an e-mail address")]
    [InlineData("securecart:peakWindowStart", "next friday", "securecart:peakWindowStart", "ISO-8601")]
    [InlineData("securecart:peakWindowEnd", "2026-11-20T00:00:00Z", "securecart:peakWindowEnd", "ends before it starts")]
    [InlineData("securecart:peakWindowEnd", "2027-01-30T00:00:00Z", "securecart:peakWindowEnd", "longer than 31 days")]
    [InlineData("securecart:tasksMin", "5", "securecart:tasksMin", "min <= desired <= max")]
    [InlineData("securecart:tasksDesired", "41", "securecart:tasksDesired", "min <= desired <= max")]
    [InlineData("securecart:peakMinTasksMultiplier", "20", "securecart:peakMinTasksMultiplier", "exceeds tasksMax (40)")]
    [InlineData("securecart:redisReplicasPerShard", "0", "securecart:redisReplicasPerShard", "at least 1 replica")]
    [InlineData("securecart:rdsBackupRetentionDays", "3", "securecart:rdsBackupRetentionDays", "at least 7 days")]
    [InlineData("securecart:rdsInstanceClass", "db.t4g.medium", "securecart:rdsInstanceClass", "burstable")]
    [InlineData("securecart:home", "true", "securecart:home", "already the home stack")]
    [InlineData("aws:region", "us-east-1", "aws:region", "already the region of stack prod-us")]
    [InlineData("aws:region", "us-east", "aws:region", "not an AWS region name")]
    [InlineData("securecart:rdsReadReplicas", "[1, 2]", "securecart:rdsReadReplicas", "not a list or mapping")]
    [InlineData("securecart:vpcCidr", "{ secure: v1:abcd }", "securecart:vpcCidr", "is encrypted, but the plan must read it")]
    public void Load_BrokenKey_FaultNamesFileKeyLineAndFix(string key, string value, string expectedKey, string expectedText)
    {
        _project.Set("prod-eu", key, value);

        var faults = _project.Faults();

        var fault = Assert.Single(faults, f => f.Key == expectedKey && f.Message.Contains(expectedText));
        Assert.True(fault.File == "Pulumi.prod-eu.yaml" || expectedText.Contains("overlaps") || expectedText.Contains("home"), fault.ToString());
        Assert.True(fault.Line > 0, $"no line in: {fault}");
    }

    [Fact]
    public void Load_SeveralFaults_ReportsAllAtOnce()
    {
        _project.Set("prod-eu", "securecart:trafficDial", "150");
        _project.Set("prod-eu", "securecart:natStrategy", "none");
        _project.Set("prod-us", "securecart:rdsReadReplicas", "20");

        var faults = _project.Faults();

        Assert.Equal(3, faults.Count);
        Assert.Contains(faults, f => f.File == "Pulumi.prod-us.yaml" && f.Key == "securecart:rdsReadReplicas");
    }

    [Fact]
    public void Load_FaultLine_IsTheKeysLineInTheFile()
    {
        _project.Write("Pulumi.prod-eu.yaml", "config:\n  aws:region: eu-west-1\n  securecart:vpcCidr: 10.20.0.0/16\n  securecart:domain: shop.securecart.example\n  securecart:trafficDial: 250\n");

        var fault = Assert.Single(_project.Faults());

        Assert.Equal("Pulumi.prod-eu.yaml:5: securecart:trafficDial: 250 is out of range; use a whole number from 0 to 100", fault.ToString());
    }

    [Fact]
    public void Load_SecretInPlainText_NeverPrintsTheValue()
    {
        _project.Set("prod-eu", "securecart:paymentsApiKey", "sk_live_do_not_print");

        var fault = Assert.Single(_project.Faults());

        Assert.Contains("pulumi config set --secret securecart:paymentsApiKey", fault.Message);
        Assert.DoesNotContain("sk_live_do_not_print", fault.ToString());
    }

    [Fact]
    public void Load_ProductionWithoutPaymentsKey_RefusedSayingHowToSetIt()
    {
        _project.Remove("prod-eu", "securecart:paymentsApiKey");

        var fault = Assert.Single(_project.Faults());

        Assert.Equal("securecart:paymentsApiKey", fault.Key);
        Assert.Contains("is required in production", fault.Message, StringComparison.Ordinal);
        Assert.Contains("pulumi config set --secret securecart:paymentsApiKey <key> --stack prod-eu", fault.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ProductionWithoutPagerEndpoint_RefusedSayingHowToSetIt()
    {
        _project.Remove("prod-eu", "securecart:pagerEndpoint");

        var fault = Assert.Single(_project.Faults());

        Assert.Equal("securecart:pagerEndpoint", fault.Key);
        Assert.Contains("is required in production", fault.Message, StringComparison.Ordinal);
        Assert.Contains("pulumi config set --secret securecart:pagerEndpoint <the pager's HTTPS CloudWatch integration URL> --stack prod-eu", fault.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_PreviewProfileWithoutPagerEndpoint_AcceptedAndPagesNobody()
    {
        _project.Remove("prod-eu", "securecart:pagerEndpoint");
        _project.Set("prod-eu", "securecart:profile", "preview");

        var eu = _project.Loaded().Stack("prod-eu");

        Assert.Equal(["paymentsApiKey"], eu.SecretKeys);
    }

    [Fact]
    public void Load_PreviewProfileWithoutPaymentsKey_Accepted()
    {
        _project.Remove("prod-eu", "securecart:paymentsApiKey");
        _project.Set("prod-eu", "securecart:profile", "preview");

        var eu = _project.Loaded().Stack("prod-eu");

        Assert.Equal(["pagerEndpoint"], eu.SecretKeys);
    }

    [Fact]
    public void Load_EncryptedSecret_RecordsItsNameOnly()
    {
        _project.Set("prod-eu", "securecart:paymentsApiKey", "\n    secure: v1:cipher-text-stays-here");

        var eu = _project.Loaded().Stack("prod-eu");

        Assert.Equal(["paymentsApiKey", "pagerEndpoint"], eu.SecretKeys);
        Assert.DoesNotContain("cipher", System.Text.Json.JsonSerializer.Serialize(eu));
    }

    [Fact]
    public void Load_MissingRequiredKeys_SaysWhichCommandSetsThem()
    {
        _project.Remove("prod-eu", "securecart:vpcCidr");
        _project.Remove("prod-eu", "aws:region");

        var faults = _project.Faults();

        Assert.Contains(faults, f => f.Key == "securecart:vpcCidr" && f.Message.Contains("pulumi config set securecart:vpcCidr <value> --stack prod-eu"));
        Assert.Contains(faults, f => f.Key == "aws:region" && f.Message.Contains("pulumi config set aws:region"));
    }

    [Fact]
    public void Load_NoHomeStack_Fault()
    {
        _project.Set("prod-us", "securecart:home", "false");

        var fault = Assert.Single(_project.Faults());

        Assert.Contains("no stack is the home stack", fault.Message);
    }

    [Fact]
    public void Load_InvalidYaml_FaultWithLine()
    {
        _project.Write("Pulumi.prod-eu.yaml", "config:\n  aws:region: eu-west-1\n  securecart:vpcCidr: [10.20.0.0/16\n");

        var fault = Assert.Single(_project.Faults());

        Assert.Equal("Pulumi.prod-eu.yaml", fault.File);
        Assert.Contains("not valid YAML", fault.Message);
        Assert.True(fault.Line >= 3);
    }

    [Fact]
    public void Load_ThirdStackFile_AddsARegionWithoutCode()
    {
        _project.Write("Pulumi.prod-usw.yaml", "config:\n  aws:region: us-west-2\n  securecart:vpcCidr: 10.30.0.0/16\n  securecart:domain: shop.securecart.example\n  securecart:paymentsApiKey:\n    secure: v1:cipher\n  securecart:pagerEndpoint:\n    secure: v1:cipher\n");

        var project = _project.Loaded();

        Assert.Equal(3, project.Stacks.Count);
        Assert.Equal("us-west-2", project.Stack("prod-usw").Region);
    }

    [Fact]
    public void Load_ProfilePreview_ProfileDefaultsFillUnsetKeysButStackValuesWin()
    {
        _project.Set("prod-eu", "securecart:profile", "preview");
        _project.Set("prod-eu", "securecart:tasksMax", "3");

        var eu = _project.Loaded().Stack("prod-eu");

        Assert.Equal(SizeProfile.Preview, eu.Profile);
        Assert.Equal(NatStrategy.OneForVpc, eu.NatStrategy);
        Assert.Equal("db.t4g.medium", eu.Rds.InstanceClass);
        Assert.Equal(new TaskCounts(1, 1, 3), eu.Tasks);
    }

    [Fact]
    public void Load_ProjectFileDeclaresUnknownKey_Fault()
    {
        _project.Write("Pulumi.yaml", _project.Read("Pulumi.yaml") + "  legacyFlag:\n    type: boolean\n    default: false\n");

        var fault = Assert.Single(_project.Faults());

        Assert.Equal(("Pulumi.yaml", "legacyFlag"), (fault.File, fault.Key));
        Assert.Contains("unknown to the plan", fault.Message);
    }

    [Fact]
    public void Load_ProjectFileDeclaresWrongType_Fault()
    {
        _project.Write("Pulumi.yaml", _project.Read("Pulumi.yaml").Replace("  trafficDial:\n    type: integer", "  trafficDial:\n    type: string"));

        var fault = Assert.Single(_project.Faults());

        Assert.Contains("declare 'type: integer'", fault.Message);
    }

    [Fact]
    public void Load_ProjectFileMissesAKeyDeclaration_FaultSaysWhatToDeclare()
    {
        _project.Write("Pulumi.yaml", _project.Read("Pulumi.yaml").Replace("  wafRateLimit:\n    type: integer\n    default: 2000\n    description: Requests per 5 minutes per client IP before CloudFront's WAF blocks it.\n", ""));

        var fault = Assert.Single(_project.Faults());

        Assert.Equal("Pulumi.yaml", fault.File);
        Assert.Contains("'wafRateLimit' is not declared; add it with type integer", fault.Message);
    }

    [Fact]
    public void Load_ProjectNamedOtherwise_Fault()
    {
        _project.Write("Pulumi.yaml", _project.Read("Pulumi.yaml").Replace("name: securecart", "name: shop"));

        Assert.Contains(_project.Faults(), f => f.Key == "name" && f.Message.Contains("must be named 'securecart'"));
    }

    [Fact]
    public void ProjectFile_DeclaresEverySchemaKeyWithItsType()
    {
        var faults = new List<ConfigFault>();

        var file = ProjectFile.Load(TestProject.RepositoryRoot, faults);

        Assert.Empty(faults);
        Assert.NotNull(file);
        Assert.Equal("src/SecureCart.Platform.Deploy", file.Main);
        foreach (var key in StackSettingsSchema.Keys)
        {
            Assert.Equal(ProjectFile.TypeName(key.Type), file.Config[key.Name].Type);
        }
    }
}
