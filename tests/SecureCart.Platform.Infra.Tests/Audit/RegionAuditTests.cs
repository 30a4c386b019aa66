using System.Text.Json;

namespace SecureCart.Platform.Infra.Tests.Audit;

public sealed class RegionAuditTests
{
    [Fact]
    public async Task EuStack_FlowLogsToARetainedGroup_AndAlbLogsWrittenByTheRegionsLoadBalancingAccount()
    {
        var plan = Plans.For("prod-eu");
        var run = await StackRun.RunAsync("prod-eu");

        var flow = run.Single("aws:ec2/flowLog:FlowLog", "vpc-flow-logs").Inputs;
        Assert.Equal(("ALL", "cloud-watch-logs", "vpc-id"), ((string)flow["trafficType"], (string)flow["logDestinationType"], (string)flow["vpcId"]));
        var group = run.Single("aws:cloudwatch/logGroup:LogGroup", "vpc-flow-logs-group").Inputs;
        Assert.Equal((plan.Audit.FlowLogs.LogGroupName, 90.0), ((string)group["name"], Convert.ToDouble(group["retentionInDays"], System.Globalization.CultureInfo.InvariantCulture)));

        using var policy = JsonDocument.Parse((string)run.Single("aws:s3/bucketPolicy:BucketPolicy", "alb-logs-policy").Inputs["policy"]);
        var write = policy.RootElement.GetProperty("Statement")[0];
        // eu-west-1 predates August 2022: its Elastic Load Balancing account writes.
        Assert.Equal("arn:aws:iam::156460612806:root", write.GetProperty("Principal").GetProperty("AWS").GetString());
        Assert.EndsWith("/alb/AWSLogs/123456789012/*", write.GetProperty("Resource").GetString(), StringComparison.Ordinal);

        var alb = run.Single("aws:lb/loadBalancer:LoadBalancer", "alb").Inputs;
        var logs = (IDictionary<string, object>)alb["accessLogs"];
        Assert.Equal((true, "alb"), ((bool)logs["enabled"], (string)logs["prefix"]));
        Assert.Equal(plan.Audit.AlbLogs.BucketName, logs["bucket"]);
        // The ALB is registered only once the policy that lets it write exists.
        Assert.True(run.Timeline["aws:s3/bucketPolicy:BucketPolicy alb-logs-policy"].Answered < run.Timeline["aws:lb/loadBalancer:LoadBalancer alb"].Asked);
        Assert.DoesNotContain(run.Created, c => c.Type == "aws:cloudtrail/trail:Trail");
    }

    [Fact]
    public async Task HomeStack_MultiRegionValidatedTrail_AndCloudFrontStandardLogging()
    {
        var plan = Plans.For("prod-us");
        var run = await StackRun.RunAsync("prod-us");

        var trail = run.Single("aws:cloudtrail/trail:Trail", "cloudtrail").Inputs;
        Assert.Equal((true, true, true), ((bool)trail["isMultiRegionTrail"], (bool)trail["enableLogFileValidation"], (bool)trail["includeGlobalServiceEvents"]));
        using var policy = JsonDocument.Parse((string)run.Single("aws:s3/bucketPolicy:BucketPolicy", "cloudtrail-bucket-policy").Inputs["policy"]);
        var statements = policy.RootElement.GetProperty("Statement").EnumerateArray().ToList();
        Assert.Equal(["s3:GetBucketAcl", "s3:PutObject"], statements.Select(s => s.GetProperty("Action").GetString()));
        Assert.All(statements, s => Assert.Equal($"arn:aws:cloudtrail:us-east-1:123456789012:trail/{plan.Audit.Trail!.Name}", s.GetProperty("Condition").GetProperty("StringEquals").GetProperty("aws:SourceArn").GetString()));

        var logging = (IDictionary<string, object>)run.Single("aws:cloudfront/distribution:Distribution", "cloudfront").Inputs["loggingConfig"];
        Assert.Equal(("cloudfront/", false), ((string)logging["prefix"], (bool)logging["includeCookies"]));
        var ownership = (IDictionary<string, object>)run.Single("aws:s3/bucketOwnershipControls:BucketOwnershipControls", "cloudfront-logs-ownership").Inputs["rule"];
        Assert.Equal("BucketOwnerPreferred", ownership["objectOwnership"]);
        var albOwnership = (IDictionary<string, object>)run.Single("aws:s3/bucketOwnershipControls:BucketOwnershipControls", "alb-logs-ownership").Inputs["rule"];
        Assert.Equal("BucketOwnerEnforced", albOwnership["objectOwnership"]);
    }
}
