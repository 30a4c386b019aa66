using Pulumi;
using Pulumi.Aws.Acm;
using Pulumi.Aws.CloudFront;
using Pulumi.Aws.GlobalAccelerator;
using Pulumi.Aws.Route53;
using Pulumi.Aws.S3;
using Pulumi.Aws.WafV2;
using SecureCart.Platform.Infra.Ingress;
using SecureCart.Platform.Plan.Edge;

namespace SecureCart.Platform.Infra.Edge;

/// <summary>
/// Home stack only: the accelerator and its listener, CloudFront (static assets from S3 through origin access control,
/// with the bucket replicated to the partner region and an origin group over both, see <see cref="StaticReplica"/>;
/// <c>/api/*</c> to the accelerator), its us-east-1 certificate, the WAF rate rule and the public records.
/// Every resource takes its logical name from the plan (<see cref="EdgePlan.LogicalNames"/>).
/// </summary>
public sealed class GlobalEdge : ComponentResource
{
    public GlobalEdge(string name, GlobalEdgeArgs args, ComponentResourceOptions? options = null)
        : base("securecart:platform:Edge", name, options)
    {
        ArgumentNullException.ThrowIfNull(args);
        EdgePlan plan = args.Plan;
        CloudFrontPlan cf = plan.CloudFront;
        InputMap<string> tags = Children.Tags(args.Tags, "edge");
        Output<string> zoneId = GetZone.Invoke(new GetZoneInvokeArgs { Name = plan.HostedZone, PrivateZone = false }).Apply(z => z.ZoneId);

        var accelerator = new Accelerator(EdgeLogicalNames.Accelerator, new AcceleratorArgs { Name = plan.AcceleratorName, IpAddressType = "IPV4", Enabled = true, Tags = tags }, Children.Of(this));
        var listener = new Listener(EdgeLogicalNames.Listener, new ListenerArgs
        {
            AcceleratorArn = accelerator.Arn,
            Protocol = plan.ListenerProtocol,
            ClientAffinity = plan.ClientAffinity,
            PortRanges = plan.ListenerPorts.Select(p => new Pulumi.Aws.GlobalAccelerator.Inputs.ListenerPortRangeArgs { FromPort = p, ToPort = p }).ToList(),
        }, Children.Of(this));
        AcceleratorDnsName = accelerator.DnsName;
        ListenerArn = listener.Arn;

        // CloudFront takes certificates and CLOUDFRONT-scope web ACLs from us-east-1 only.
        ProviderResource? usEast1 = cf.CertificateProviderLogicalName is { } providerName
            ? new Pulumi.Aws.Provider(providerName, new Pulumi.Aws.ProviderArgs { Region = cf.CertificateRegion }, new CustomResourceOptions { Parent = this })
            : null;
        CertificateValidation certificate = Certificates.Create(cf.Certificate, zoneId, tags, this, usEast1);

        var bucket = new Bucket(EdgeLogicalNames.StaticBucket, new BucketArgs { BucketName = cf.StaticBucketName, Tags = tags }, Children.Of(this));
        _ = new BucketPublicAccessBlock(EdgeLogicalNames.StaticBucketPublicAccess, new BucketPublicAccessBlockArgs
        {
            Bucket = bucket.Id,
            BlockPublicAcls = true,
            BlockPublicPolicy = true,
            IgnorePublicAcls = true,
            RestrictPublicBuckets = true,
        }, Children.Of(this));
        var oac = new OriginAccessControl(EdgeLogicalNames.OriginAccessControl, new OriginAccessControlArgs
        {
            Name = cf.OriginAccessControlName,
            OriginAccessControlOriginType = "s3",
            SigningBehavior = "always",
            SigningProtocol = "sigv4",
        }, Children.Of(this));

        StaticReplica.Created? replica = cf.StaticReplication is { } replication ? StaticReplica.Create(replication, bucket, tags, this) : null;

        WebAclPlan acl = plan.WebAcl;
        var waf = new WebAcl(EdgeLogicalNames.WebAcl, new WebAclArgs
        {
            Name = acl.Name,
            Scope = acl.Scope,
            DefaultAction = new Pulumi.Aws.WafV2.Inputs.WebAclDefaultActionArgs { Allow = new Pulumi.Aws.WafV2.Inputs.WebAclDefaultActionAllowArgs() },
            Rules = acl.Rules.Select(WafRule).ToList(),
            VisibilityConfig = new Pulumi.Aws.WafV2.Inputs.WebAclVisibilityConfigArgs { CloudwatchMetricsEnabled = true, MetricName = acl.Name, SampledRequestsEnabled = true },
            Tags = tags,
        }, new CustomResourceOptions { Parent = this, Provider = usEast1 });

        // Full request logs, in us-east-1 with the ACL; WAF adds the log group's resource policy itself when logging is enabled.
        var wafLogs = new Pulumi.Aws.CloudWatch.LogGroup(EdgeLogicalNames.WafLogs, new Pulumi.Aws.CloudWatch.LogGroupArgs
        {
            Name = acl.LogGroupName,
            RetentionInDays = acl.LogRetentionDays,
            Tags = tags,
        }, new CustomResourceOptions { Parent = this, Provider = usEast1 });
        _ = new WebAclLoggingConfiguration(EdgeLogicalNames.WafLogging, new WebAclLoggingConfigurationArgs
        {
            ResourceArn = waf.Arn,
            LogDestinationConfigs = { wafLogs.Arn },
            RedactedFields = acl.RedactedHeaders.Select(h => new Pulumi.Aws.WafV2.Inputs.WebAclLoggingConfigurationRedactedFieldArgs
            {
                SingleHeader = new Pulumi.Aws.WafV2.Inputs.WebAclLoggingConfigurationRedactedFieldSingleHeaderArgs { Name = h },
            }).ToList(),
        }, new CustomResourceOptions { Parent = this, Provider = usEast1 });

        Output<string> staticPolicy = GetCachePolicy.Invoke(new GetCachePolicyInvokeArgs { Name = cf.StaticCachePolicy }).Apply(p => p.Id ?? "");
        Output<string> apiPolicy = GetCachePolicy.Invoke(new GetCachePolicyInvokeArgs { Name = cf.ApiCachePolicy }).Apply(p => p.Id ?? "");
        Output<string> apiRequestPolicy = GetOriginRequestPolicy.Invoke(new GetOriginRequestPolicyInvokeArgs { Name = cf.ApiOriginRequestPolicy }).Apply(p => p.Id ?? "");
        Dictionary<string, Output<string>> cachePolicies = cf.DynamicCaches.ToDictionary(c => c.PathPattern, c => EdgeCachePolicy(c).Id, StringComparer.Ordinal);
        var distribution = new Distribution(EdgeLogicalNames.Distribution, new DistributionArgs
        {
            // Standard logging: one line per request, cookies left out (session identifiers).
            LoggingConfig = args.LogBucketDomain is { } logBucket
                ? new Pulumi.Aws.CloudFront.Inputs.DistributionLoggingConfigArgs { Bucket = logBucket, Prefix = $"{args.LogPrefix}/", IncludeCookies = false }
                : null!,
            Enabled = true,
            IsIpv6Enabled = true,
            Aliases = cf.Aliases,
            PriceClass = cf.PriceClass,
            WebAclId = waf.Arn,
            Origins =
            [
                new Pulumi.Aws.CloudFront.Inputs.DistributionOriginArgs { OriginId = CloudFrontPlan.StaticOrigin, DomainName = bucket.BucketRegionalDomainName, OriginAccessControlId = oac.Id },
                new Pulumi.Aws.CloudFront.Inputs.DistributionOriginArgs
                {
                    OriginId = CloudFrontPlan.ApiOrigin,
                    // The accelerator's public name, not its raw DNS name: CloudFront checks the origin certificate
                    // (the ALB's) against this name.
                    DomainName = cf.ApiOriginDomain,
                    // The ALB forwards only requests carrying this header (CloudFront's addresses alone would admit any distribution).
                    CustomHeaders = { new Pulumi.Aws.CloudFront.Inputs.DistributionOriginCustomHeaderArgs { Name = args.OriginHeaderName, Value = args.OriginVerifyValue } },
                    CustomOriginConfig = new Pulumi.Aws.CloudFront.Inputs.DistributionOriginCustomOriginConfigArgs
                    {
                        HttpPort = 80,
                        HttpsPort = 443,
                        OriginProtocolPolicy = "https-only",
                        OriginSslProtocols = { "TLSv1.2" },
                    },
                },
                .. StaticFailoverOrigins(cf, replica, oac),
            ],
            // Pages: rendered per visitor by the storefront, so never cached and forwarded with the visitor's cookies.
            DefaultCacheBehavior = new Pulumi.Aws.CloudFront.Inputs.DistributionDefaultCacheBehaviorArgs
            {
                TargetOriginId = cf.DefaultOrigin,
                ViewerProtocolPolicy = "redirect-to-https",
                AllowedMethods = { "GET", "HEAD", "OPTIONS", "PUT", "POST", "PATCH", "DELETE" },
                CachedMethods = { "GET", "HEAD" },
                CachePolicyId = apiPolicy,
                OriginRequestPolicyId = apiRequestPolicy,
                Compress = true,
            },
            // First match wins: the shared dynamic paths come before the API behaviour that would otherwise take them.
            OrderedCacheBehaviors = [.. CachedBehaviors(cf, cachePolicies), ApiBehavior(cf, apiPolicy, apiRequestPolicy), StaticBehavior(cf, staticPolicy)],
            OriginGroups = [.. StaticOriginGroups(cf)],
            Restrictions = new Pulumi.Aws.CloudFront.Inputs.DistributionRestrictionsArgs
            {
                GeoRestriction = new Pulumi.Aws.CloudFront.Inputs.DistributionRestrictionsGeoRestrictionArgs { RestrictionType = "none" },
            },
            ViewerCertificate = new Pulumi.Aws.CloudFront.Inputs.DistributionViewerCertificateArgs
            {
                AcmCertificateArn = certificate.CertificateArn,
                SslSupportMethod = "sni-only",
                MinimumProtocolVersion = cf.MinimumProtocolVersion,
            },
            Tags = tags,
        }, Children.Of(this));
        DistributionDomainName = distribution.DomainName;
        DistributionId = distribution.Id;

        _ = new BucketPolicy(EdgeLogicalNames.StaticBucketPolicy, new BucketPolicyArgs
        {
            Bucket = bucket.Id,
            Policy = Policies.ServiceMayUse("cloudfront.amazonaws.com", "s3:GetObject", Output.Format($"{bucket.Arn}/*"), Output.All(distribution.Arn)),
        }, Children.Of(this));

        if (replica is not null)
        {
            _ = new BucketPolicy(StaticReplicationPlan.ReplicaBucketPolicy, new BucketPolicyArgs
            {
                Bucket = replica.Bucket.Id,
                Region = cf.StaticReplication!.ReplicaRegion,
                Policy = Policies.ServiceMayUse("cloudfront.amazonaws.com", "s3:GetObject", Output.Format($"{replica.Bucket.Arn}/*"), Output.All(distribution.Arn)),
            }, Children.Of(this));
        }

        foreach (DnsRecordPlan record in plan.Records)
        {
            (Output<string>? aliasName, Output<string>? aliasZone) = record.Target == DnsTarget.CloudFront
                ? (distribution.DomainName, distribution.HostedZoneId)
                : (accelerator.DnsName, accelerator.HostedZoneId);
            _ = new Record(record.LogicalName, new RecordArgs
            {
                ZoneId = zoneId,
                Name = record.Name,
                Type = record.Type,
                Aliases = { new Pulumi.Aws.Route53.Inputs.RecordAliasArgs { Name = aliasName, ZoneId = aliasZone, EvaluateTargetHealth = false } },
            }, Children.Of(this));
        }

        RegisterOutputs(new Dictionary<string, object?> { ["acceleratorDnsName"] = AcceleratorDnsName, ["distributionDomainName"] = DistributionDomainName });
    }

    public Output<string> AcceleratorDnsName { get; }

    public Output<string> ListenerArn { get; }

    public Output<string> DistributionDomainName { get; }

    /// <summary>The DistributionId dimension of CloudFront's metrics.</summary>
    public Output<string> DistributionId { get; }

    private CachePolicy EdgeCachePolicy(EdgeCachePlan plan) => new(plan.LogicalName, new CachePolicyArgs
    {
        Name = plan.PolicyName,
        Comment = plan.Reason,
        MinTtl = plan.MinTtlSeconds,
        DefaultTtl = plan.DefaultTtlSeconds,
        MaxTtl = plan.MaxTtlSeconds,
        ParametersInCacheKeyAndForwardedToOrigin = new Pulumi.Aws.CloudFront.Inputs.CachePolicyParametersInCacheKeyAndForwardedToOriginArgs
        {
            QueryStringsConfig = new Pulumi.Aws.CloudFront.Inputs.CachePolicyParametersInCacheKeyAndForwardedToOriginQueryStringsConfigArgs { QueryStringBehavior = plan.QueryStringBehavior },
            CookiesConfig = new Pulumi.Aws.CloudFront.Inputs.CachePolicyParametersInCacheKeyAndForwardedToOriginCookiesConfigArgs { CookieBehavior = plan.CookieBehavior },
            HeadersConfig = new Pulumi.Aws.CloudFront.Inputs.CachePolicyParametersInCacheKeyAndForwardedToOriginHeadersConfigArgs { HeaderBehavior = plan.HeaderBehavior },
            EnableAcceptEncodingGzip = true,
            EnableAcceptEncodingBrotli = true,
        },
    }, Children.Of(this));

    // No origin request policy: only the cache key (path and query string) reaches the origin, never a cookie.
    private static IEnumerable<Pulumi.Aws.CloudFront.Inputs.DistributionOrderedCacheBehaviorArgs> CachedBehaviors(CloudFrontPlan cf, Dictionary<string, Output<string>> policies) =>
        cf.DynamicCaches.Select(c => new Pulumi.Aws.CloudFront.Inputs.DistributionOrderedCacheBehaviorArgs
        {
            PathPattern = c.PathPattern,
            TargetOriginId = CloudFrontPlan.ApiOrigin,
            ViewerProtocolPolicy = "https-only",
            AllowedMethods = { "GET", "HEAD", "OPTIONS" },
            CachedMethods = { "GET", "HEAD" },
            CachePolicyId = policies[c.PathPattern],
            Compress = true,
        });

    private static Pulumi.Aws.CloudFront.Inputs.DistributionOrderedCacheBehaviorArgs ApiBehavior(CloudFrontPlan cf, Output<string> cachePolicy, Output<string> requestPolicy) => new Pulumi.Aws.CloudFront.Inputs.DistributionOrderedCacheBehaviorArgs
    {
        PathPattern = cf.ApiPathPattern,
        TargetOriginId = CloudFrontPlan.ApiOrigin,
        ViewerProtocolPolicy = "https-only",
        AllowedMethods = { "GET", "HEAD", "OPTIONS", "PUT", "POST", "PATCH", "DELETE" },
        CachedMethods = { "GET", "HEAD" },
        CachePolicyId = cachePolicy,
        OriginRequestPolicyId = requestPolicy,
    };

    // The replica bucket as a second S3 origin (same origin access control), when the plan replicates the bucket.
    private static IEnumerable<Pulumi.Aws.CloudFront.Inputs.DistributionOriginArgs> StaticFailoverOrigins(CloudFrontPlan cf, StaticReplica.Created? replica, OriginAccessControl oac) =>
        cf.StaticReplication is { } r && replica is not null
            ? [new Pulumi.Aws.CloudFront.Inputs.DistributionOriginArgs { OriginId = r.FailoverOriginId, DomainName = replica.Bucket.BucketRegionalDomainName, OriginAccessControlId = oac.Id }]
            : [];

    private static IEnumerable<Pulumi.Aws.CloudFront.Inputs.DistributionOriginGroupArgs> StaticOriginGroups(CloudFrontPlan cf) =>
        cf.StaticReplication is { } r
            ? [new Pulumi.Aws.CloudFront.Inputs.DistributionOriginGroupArgs
            {
                OriginId = r.OriginGroupId,
                FailoverCriteria = new Pulumi.Aws.CloudFront.Inputs.DistributionOriginGroupFailoverCriteriaArgs { StatusCodes = [.. r.FailoverStatusCodes] },
                Members =
                {
                    new Pulumi.Aws.CloudFront.Inputs.DistributionOriginGroupMemberArgs { OriginId = CloudFrontPlan.StaticOrigin },
                    new Pulumi.Aws.CloudFront.Inputs.DistributionOriginGroupMemberArgs { OriginId = r.FailoverOriginId },
                },
            }]
            : [];

    // With a replica, the behaviour targets the origin group (primary, then the replica); its methods are the group's.
    private static Pulumi.Aws.CloudFront.Inputs.DistributionOrderedCacheBehaviorArgs StaticBehavior(CloudFrontPlan cf, Output<string> cachePolicy) => new Pulumi.Aws.CloudFront.Inputs.DistributionOrderedCacheBehaviorArgs
    {
        PathPattern = cf.StaticPathPattern,
        TargetOriginId = cf.StaticReplication?.OriginGroupId ?? CloudFrontPlan.StaticOrigin,
        ViewerProtocolPolicy = "redirect-to-https",
        AllowedMethods = cf.StaticReplication is { } group ? [.. group.AllowedMethods] : new InputList<string> { "GET", "HEAD", "OPTIONS" },
        CachedMethods = { "GET", "HEAD" },
        CachePolicyId = cachePolicy,
        Compress = true,
    };

    // A managed group keeps its own rule actions (override: none); the rate rule blocks.
    internal static Pulumi.Aws.WafV2.Inputs.WebAclRuleArgs WafRule(WafRulePlan rule)
    {
        var args = new Pulumi.Aws.WafV2.Inputs.WebAclRuleArgs
        {
            Name = rule.Name,
            Priority = rule.Priority,
            VisibilityConfig = new Pulumi.Aws.WafV2.Inputs.WebAclRuleVisibilityConfigArgs { CloudwatchMetricsEnabled = true, MetricName = rule.Name, SampledRequestsEnabled = true },
        };
        if (rule.ManagedGroup is { } group)
        {
            args.OverrideAction = new Pulumi.Aws.WafV2.Inputs.WebAclRuleOverrideActionArgs { None = new Pulumi.Aws.WafV2.Inputs.WebAclRuleOverrideActionNoneArgs() };
            args.Statement = new Pulumi.Aws.WafV2.Inputs.WebAclRuleStatementArgs
            {
                ManagedRuleGroupStatement = new Pulumi.Aws.WafV2.Inputs.WebAclRuleStatementManagedRuleGroupStatementArgs { Name = group, VendorName = "AWS" },
            };
        }
        else
        {
            args.Action = new Pulumi.Aws.WafV2.Inputs.WebAclRuleActionArgs { Block = new Pulumi.Aws.WafV2.Inputs.WebAclRuleActionBlockArgs() };
            args.Statement = new Pulumi.Aws.WafV2.Inputs.WebAclRuleStatementArgs
            {
                RateBasedStatement = new Pulumi.Aws.WafV2.Inputs.WebAclRuleStatementRateBasedStatementArgs
                {
                    Limit = rule.RateLimitPer5Minutes ?? throw new InvalidOperationException($"WAF rule {rule.Name} names no managed group and no rate limit."),
                    AggregateKeyType = "IP",
                },
            };
        }

        return args;
    }
}
