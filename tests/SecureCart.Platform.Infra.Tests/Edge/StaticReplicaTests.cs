using System.Text.Json.Nodes;

namespace SecureCart.Platform.Infra.Tests.Edge;

public sealed class StaticReplicaTests
{
    [Fact]
    public async Task HomeStack_StaticBucket_ReplicatedToThePartnerRegionWithVersioningOnBoth()
    {
        var replication = Plans.For("prod-us").Edge!.CloudFront.StaticReplication!;

        var run = await StackRun.RunAsync("prod-us");

        var replica = run.Single("aws:s3/bucket:Bucket", "static-replica-bucket").Inputs;
        Assert.Equal((replication.ReplicaBucketName, "eu-west-1"), ((string)replica["bucket"], (string)replica["region"]));
        var versioning = run.OfType("aws:s3/bucketVersioning:BucketVersioning").ToList();
        Assert.Equal(["static-bucket-id", "static-replica-bucket-id"], versioning.Select(v => (string)v.Inputs["bucket"]).Order(StringComparer.Ordinal));
        Assert.All(versioning, v => Assert.Equal("Enabled", ((IDictionary<string, object>)v.Inputs["versioningConfiguration"])["status"]));
        Assert.Equal("eu-west-1", run.Single("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", "static-replica-bucket-public-access").Inputs["region"]);

        var config = run.Single("aws:s3/bucketReplicationConfig:BucketReplicationConfig", "static-replication").Inputs;
        Assert.Equal("static-bucket-id", config["bucket"]);
        Assert.Equal("arn:aws:mock:::aws:iam/role:Role/static-replication-role", config["role"]);
        var rule = Assert.Single(((IEnumerable<object>)config["rules"]).Cast<IDictionary<string, object>>());
        var destination = (IDictionary<string, object>)rule["destination"];
        Assert.Equal("arn:aws:mock:::aws:s3/bucket:Bucket/static-replica-bucket", destination["bucket"]);
        Assert.Equal("Enabled", ((IDictionary<string, object>)destination["replicationTime"])["status"]);
        var assume = JsonNode.Parse((string)run.Single("aws:iam/role:Role", "static-replication-role").Inputs["assumeRolePolicy"])!;
        Assert.Equal("s3.amazonaws.com", (string)assume["Statement"]![0]!["Principal"]!["Service"]!);
    }

    [Fact]
    public async Task HomeStack_Distribution_StaticBehaviourUsesTheOriginGroupOverBothBuckets()
    {
        var run = await StackRun.RunAsync("prod-us");

        var inputs = run.Single("aws:cloudfront/distribution:Distribution", "cloudfront").Inputs;
        var origins = ((IEnumerable<object>)inputs["origins"]).Cast<IDictionary<string, object>>().ToList();
        var failover = Assert.Single(origins, o => (string)o["originId"] == "static-replica");
        Assert.Equal(origins.Single(o => (string)o["originId"] == "static")["originAccessControlId"], failover["originAccessControlId"]);
        var group = Assert.Single(((IEnumerable<object>)inputs["originGroups"]).Cast<IDictionary<string, object>>());
        Assert.Equal("static-group", group["originId"]);
        Assert.Equal(["static", "static-replica"], ((IEnumerable<object>)group["members"]).Cast<IDictionary<string, object>>().Select(m => (string)m["originId"]));
        var codes = ((IEnumerable<object>)((IDictionary<string, object>)group["failoverCriteria"])["statusCodes"]).Select(c => Convert.ToInt32(c, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal([500, 502, 503, 504], codes);
        var staticBehaviour = ((IEnumerable<object>)inputs["orderedCacheBehaviors"]).Cast<IDictionary<string, object>>().Single(b => (string)b["pathPattern"] == "/static/*");
        Assert.Equal(["GET", "HEAD", "OPTIONS"], ((IEnumerable<object>)staticBehaviour["allowedMethods"]).Cast<string>());
        // CloudFront may read the copy too: its bucket policy names the distribution.
        var policy = JsonNode.Parse((string)run.Single("aws:s3/bucketPolicy:BucketPolicy", "static-replica-bucket-policy").Inputs["policy"])!;
        Assert.Equal("arn:aws:mock:::aws:s3/bucket:Bucket/static-replica-bucket/*", (string)policy["Statement"]![0]!["Resource"]!);
    }
}
