using System.Collections.Immutable;
using SecureCart.Platform.Plan.Compute;
using SecureCart.Platform.Plan.Constraints;
using SecureCart.Platform.Plan.Ingress;
using SecureCart.Platform.Plan.Network;

namespace SecureCart.Platform.Plan.Tests.Constraints;

public sealed class AwsRulesTests
{
    private static readonly DateTimeOffset s_beforeThePeak = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    private static ConstraintContext Shipped(Func<RegionalPlan, RegionalPlan>? change = null, DateTimeOffset? now = null) =>
        new([.. new[] { "prod-us", "prod-eu" }.Select(s => change is null ? PlanFixtures.Plan(s) : change(PlanFixtures.Plan(s)))], now ?? s_beforeThePeak);

    [Fact]
    public void Check_ShippedStacks_KeepEveryRule()
    {
        var results = AwsConstraints.Check(Shipped());

        Assert.All(results, r => Assert.True(r.Passed, $"{r.Rule.Id}: {string.Join("; ", r.Violations)}"));
        Assert.Equal(AwsRules.All.Count, results.Length);
    }

    [Fact]
    public void Check_MathAlarmQueryOnAnUnpublishedDimensionSet_IsCaughtByTheDimensionRule()
    {
        var results = AwsConstraints.Check(Breaking("metric-dimensions-per-namespace/math"));

        var broken = Assert.Single(results, r => !r.Passed);
        Assert.Equal("metric-dimensions-per-namespace", broken.Rule.Id);
        Assert.Contains(broken.Violations, v => v.Contains("slo-cart-1h/requests", StringComparison.Ordinal) && v.Contains("RequestCount by [TargetGroup]", StringComparison.Ordinal));
    }

    [Fact]
    public void All_EveryRule_CitesAnAwsPageAndASentence()
    {
        Assert.All(AwsRules.All, r =>
        {
            Assert.StartsWith("https://", r.Citation.Url, StringComparison.Ordinal);
            Assert.True(r.Citation.Sentence.Length > 20, r.Id);
        });
        Assert.Equal(AwsRules.All.Count, AwsRules.All.Select(r => r.Id).Distinct(StringComparer.Ordinal).Count());
    }

    public static TheoryData<string> Rules => [.. AwsRules.All.Select(r => r.Id)];

    // One plan change per rule that AWS would reject or silently ignore; each must be caught by its rule only.
    [Theory]
    [MemberData(nameof(Rules))]
    public void Check_PlanBreakingTheRule_ReportsItUnderThatRule(string id)
    {
        var context = Breaking(id);

        var results = AwsConstraints.Check(context);

        var broken = Assert.Single(results, r => !r.Passed);
        Assert.Equal(id, broken.Rule.Id);
        Assert.NotEmpty(broken.Violations);
    }

    private static ConstraintContext Breaking(string id) => id switch
    {
        "fargate-spot-x86-only" => Shipped(p => p with
        {
            Compute = p.Compute with
            {
                Services = [.. p.Compute.Services.Select(s => s.LogicalName == "cart"
                    ? s with { Architecture = CpuArchitecture.Arm64, CapacityProviders = [new("FARGATE", 3, 70), new("FARGATE_SPOT", 0, 30)] }
                    : s)],
            },
        }),
        "accelerator-preserves-client-ip" => Shipped(p => p with
        {
            Network = p.Network with
            {
                SecurityTiers = [.. p.Network.SecurityTiers.Select(t => t.LogicalName == "alb"
                    ? t with { Ingress = [new IngressRulePlan("HTTPS from the VPC", 443, 443, null, p.Network.Cidr)] }
                    : t)],
            },
        }),
        "rds-replica-vs-managed-password" => Shipped(p => p with { Data = p.Data with { Rds = p.Data.Rds with { ManageMasterPassword = true } } }),
        "metric-dimensions-per-namespace" => Shipped(p => p with
        {
            Observability = p.Observability with
            {
                Alarms = [.. p.Observability.Alarms.Select(a => a.Namespace == "AWS/ElastiCache"
                    ? a with { Dimensions = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [KeyValuePair.Create("ReplicationGroupId", "redis")]) }
                    : a)],
            },
        }),
        "metric-dimensions-per-namespace/math" => Shipped(p => p with
        {
            // The SLO's request count by target group alone: ALB publishes it only together with LoadBalancer.
            Observability = p.Observability with
            {
                MathAlarms = [.. p.Observability.MathAlarms.Select(m => m with
                {
                    Queries = [.. m.Queries.Select(q => q.MetricName == "RequestCount"
                        ? q with { Dimensions = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [KeyValuePair.Create("TargetGroup", "cart")]) }
                        : q)],
                })],
            },
        }),
        "name-lengths" => Shipped(p => p with
        {
            Ingress = p.Ingress with { LoadBalancer = p.Ingress.LoadBalancer with { Name = new string('a', 33) } },
        }),
        "endpoint-group-health-ignored-for-alb" => Shipped(p => p with { EndpointGroup = p.EndpointGroup with { HealthCheckPath = "/healthz", HealthCheckIntervalSeconds = 10 } }),
        "api-stage-route-settings-name-routes" => Shipped(p => p with
        {
            Ingress = p.Ingress with { Api = p.Ingress.Api with { RouteThrottles = [new RouteThrottlePlan("POST /api/pay/{proxy+}", 10, 20)] } },
        }),
        "acm-validation-record-one-owner" => Shipped(p => p with
        {
            Ingress = p.Ingress with
            {
                Certificates = [.. p.Ingress.Certificates.Select(c => c with { ValidationRecords = [.. c.ValidationRecords.Select(r => r with { OwnedHere = true, OwnerStack = p.Stack })] })],
            },
        }),
        "redis-auth-needs-in-transit-encryption" => Shipped(p => p with { Data = p.Data with { Redis = p.Data.Redis with { TransitEncryption = false } } }),
        "one-off-schedule-in-the-future" => Shipped(
            p => p with { Compute = p.Compute with { Services = [.. p.Compute.Services.Select(s => s with { Scaling = s.Scaling with { Scheduled = [new("peak-start", "at(2026-11-26T00:00:00)", 12, 40, new DateTimeOffset(2026, 11, 26, 0, 0, 0, TimeSpan.Zero))] } })] } },
            new DateTimeOffset(2026, 12, 2, 0, 0, 0, TimeSpan.Zero)),
        "lambda-package-key-per-release" => Shipped(p => p with
        {
            Workflow = p.Workflow with { Functions = [.. p.Workflow.Functions.Select(f => f with { PackageKey = $"functions/{f.LogicalName}.zip" })] },
        }),
        // A second prefix-list rule (say, port 80 too) would count 110 against 60.
        "security-group-rule-quota" => Shipped(p => p with
        {
            Network = p.Network with
            {
                SecurityTiers = [.. p.Network.SecurityTiers.Select(t => t.LogicalName == "alb"
                    ? t with { Ingress = t.Ingress.Add(new IngressRulePlan("HTTP from CloudFront", 80, 80, null, null, NetworkPlanner.CloudFrontOriginFacing)) }
                    : t)],
            },
        }),
        "waf-log-destination-prefix" => Shipped(p => p.Edge is null ? p : p with { Edge = p.Edge with { WebAcl = p.Edge.WebAcl with { Region = "eu-west-1" } } }),
        "rds-replica-source-has-backups" => Shipped(p => p.Stack == "prod-us" ? p with { Data = p.Data with { Rds = p.Data.Rds with { BackupRetentionDays = 0 } } } : p),
        "rds-proxy-read-only-endpoint-aurora-only" => Shipped(p => p with { Data = p.Data with { Proxy = p.Data.Proxy! with { ReadOnlyEndpoint = "readers" } } }),
        "rds-proxy-connection-pool-limits" => Shipped(p => p with { Data = p.Data with { Proxy = p.Data.Proxy! with { MaxIdleConnectionsPercent = p.Data.Proxy.MaxConnectionsPercent + 5 } } }),
        "cloudfront-origin-group-failover" => Shipped(p => p.Edge is null ? p : p with
        {
            Edge = p.Edge with { CloudFront = p.Edge.CloudFront with { StaticReplication = p.Edge.CloudFront.StaticReplication! with { FailoverStatusCodes = [500, 429] } } },
        }),
        "s3-replication-needs-versioning" => Shipped(p => p.Edge is null ? p : p with
        {
            Edge = p.Edge with { CloudFront = p.Edge.CloudFront with { StaticReplication = p.Edge.CloudFront.StaticReplication! with { ReplicaVersioning = false } } },
        }),
        // CloudFront's alarm planned in the stack's own Region (eu-west-1 for a home stack there) would watch nothing.
        "alarm-in-the-metrics-region" => Shipped(p => p with
        {
            Observability = p.Observability with { Alarms = [.. p.Observability.Alarms.Select(a => a.Namespace == "AWS/GlobalAccelerator" ? a with { Region = null } : a)] },
        }),
        "composite-alarm-children-exist" => Shipped(p => p with
        {
            Observability = p.Observability with { MathAlarms = [.. p.Observability.MathAlarms.Where(m => m.LogicalName != "slo-cart-5m")] },
        }),
        // eu-west-1 predates August 2022: the service principal alone is never allowed to write there.
        "alb-access-log-writer-per-region" => Shipped(p => p with { Audit = p.Audit with { AlbLogs = p.Audit.AlbLogs with { WriterPrincipal = "logdelivery.elasticloadbalancing.amazonaws.com" } } }),
        "alb-access-log-bucket-sse-s3" => Shipped(p => p with { Audit = p.Audit with { AlbLogs = p.Audit.AlbLogs with { Encryption = "aws:kms" } } }),
        "cloudfront-log-bucket-keeps-acls" => Shipped(p => p.Audit.CloudFrontLogs is null ? p : p with { Audit = p.Audit with { CloudFrontLogs = p.Audit.CloudFrontLogs with { AclsEnabled = false } } }),
        _ => throw new ArgumentOutOfRangeException(nameof(id), id, "add a breaking case for the new rule"),
    };

    [Fact]
    public void Check_YearlyWindowAfterThisYearsPeak_NothingPassed()
    {
        var yearly = new ConstraintContext(
            [PlanFixtures.Plan("prod-us")],
            new DateTimeOffset(2026, 12, 2, 0, 0, 0, TimeSpan.Zero));

        var result = AwsConstraints.Check(yearly, [AwsRules.ScheduledWindowInFuture]);

        Assert.True(Assert.Single(result).Passed);
    }

    [Fact]
    public void Alarms_Redis_OnePerNodeByCacheClusterId()
    {
        var plan = PlanFixtures.Plan("prod-us");

        var redis = plan.Observability.Alarms.Where(a => a.Namespace == "AWS/ElastiCache").ToList();

        // One alarm per node for each engine metric watched (CPU and memory).
        Assert.All(redis.GroupBy(a => a.MetricName), g => Assert.Equal(plan.Data.Redis.NodeCount, g.Count()));
        Assert.Equal(2 * plan.Data.Redis.NodeCount, redis.Count);
        Assert.All(redis, a => Assert.Equal(["CacheClusterId"], a.Dimensions.Keys));
        Assert.Contains(plan.Data.Redis.Nodes, n => n.CacheClusterId == $"{plan.Data.Redis.ReplicationGroupId}-0002-002");
    }

    [Fact]
    public void Certificates_SharedNamesOwnedByHomeOnly()
    {
        var us = PlanFixtures.Plan("prod-us");
        var eu = PlanFixtures.Plan("prod-eu");

        ValidationRecordPlan Record(RegionalPlan p, string domain) => p.Ingress.Certificates.SelectMany(c => c.ValidationRecords).Single(r => r.Domain == domain);
        Assert.True(Record(us, "api.shop.securecart.example").OwnedHere);
        Assert.False(Record(eu, "api.shop.securecart.example").OwnedHere);
        Assert.False(Record(eu, "gateway.shop.securecart.example").OwnedHere);
        Assert.True(Record(eu, "eu-west-1.shop.securecart.example").OwnedHere);
    }

    [Fact]
    public void Functions_EachHasItsStepsGrantsAndAReleaseKey()
    {
        var functions = PlanFixtures.Plan("prod-eu").Workflow.Functions;

        Assert.All(functions, f => Assert.NotEmpty(f.Access));
        Assert.All(functions, f => Assert.Equal($"functions/2026.11.0/{f.LogicalName}.zip", f.PackageKey));
        Assert.Contains(functions, f => f.LogicalName == "reserve-inventory" && f.Access.Single() == new ServiceAccess(AccessKind.QueueSend, "inventory-events"));
    }

    [Fact]
    public void WafLogDestinationName_LogGroupWithoutThePrefix_Broken()
    {
        var plans = new[] { PlanFixtures.Plan("prod-us"), PlanFixtures.Plan("prod-eu") };
        Assert.Empty(AwsRules.WafLogDestinationName.Check(new ConstraintContext(plans, DateTimeOffset.UnixEpoch)));
        var home = plans[0] with { Edge = plans[0].Edge! with { WebAcl = plans[0].Edge!.WebAcl with { LogGroupName = "/securecart/waf" } } };

        var violations = AwsRules.WafLogDestinationName.Check(new ConstraintContext([home, plans[1]], DateTimeOffset.UnixEpoch)).ToList();

        Assert.Equal(["prod-us: the web ACL logs to '/securecart/waf', which does not start with aws-waf-logs-"], violations);
    }

    [Fact]
    public void ReplicaSourceBackups_PartnerWithoutBackups_ReportedByTheStackHostingTheStandby()
    {
        var us = PlanFixtures.Plan("prod-us");
        var eu = PlanFixtures.Plan("prod-eu");
        var noBackups = us with { Data = us.Data with { Rds = us.Data.Rds with { BackupRetentionDays = 0, Replicas = [] } } };

        var violations = DataRecoveryRules.ReplicaSourceBackups.Check(new ConstraintContext([noBackups, eu], DateTimeOffset.UnixEpoch)).ToList();

        Assert.Equal(["prod-eu: the standby replicates securecart-prod-us-postgres, which keeps no automated backups"], violations);
    }

    [Fact]
    public void OriginGroupFailover_PostOnTheStaticBehaviour_Broken()
    {
        var us = PlanFixtures.Plan("prod-us");
        var group = us.Edge!.CloudFront.StaticReplication!;
        var post = us with { Edge = us.Edge with { CloudFront = us.Edge.CloudFront with { StaticReplication = group with { AllowedMethods = [.. group.AllowedMethods, "POST"] } } } };

        var violations = DataRecoveryRules.OriginGroupFailover.Check(new ConstraintContext([post], DateTimeOffset.UnixEpoch)).ToList();

        Assert.Equal(["prod-us: static-group's behaviour allows POST, which origin failover does not cover"], violations);
    }
}
