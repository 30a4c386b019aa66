using System.Collections.Immutable;
using Pulumi;
using Pulumi.Aws.Acm;
using Pulumi.Aws.ApiGateway;
using Pulumi.Aws.LB;
using Pulumi.Aws.Route53;
using Pulumi.Aws.WafV2;
using SecureCart.Platform.Infra.Network;
using SecureCart.Platform.Plan.Compute;
using SecureCart.Platform.Plan.Edge;
using SecureCart.Platform.Plan.Ingress;
using SecureCart.Platform.Plan.Network;

namespace SecureCart.Platform.Infra.Ingress;

/// <summary>
/// The internal ALB (listeners, path rules, one target group per public service) and the regional REST API
/// (VPC link V2 to the ALB, stage and method throttling, usage plans, a regional web ACL, custom domain, latency record).
/// </summary>
public sealed class RegionIngress : ComponentResource
{
    public RegionIngress(string name, RegionIngressArgs args, ComponentResourceOptions? options = null)
        : base("securecart:platform:Ingress", name, options)
    {
        ArgumentNullException.ThrowIfNull(args);
        LoadBalancerPlan lbPlan = args.Plan.LoadBalancer;
        RegionNetwork network = args.Network;
        InputMap<string> tags = Children.Tags(args.Tags, "ingress");
        Output<string> zoneId = GetZone.Invoke(new GetZoneInvokeArgs { Name = args.HostedZone, PrivateZone = false }).Apply(z => z.ZoneId);

        CertificateValidation certificate = Certificates.Create(args.Plan.Certificates.Single(c => c.LogicalName == "alb-certificate"), zoneId, tags, this);

        var alb = new LoadBalancer(lbPlan.LogicalName, new LoadBalancerArgs
        {
            Name = lbPlan.Name,
            Internal = lbPlan.Internal,
            LoadBalancerType = "application",
            Subnets = network.SubnetIds[SubnetTier.Private],
            SecurityGroups = { network.SecurityGroupIds["alb"] },
            IdleTimeout = lbPlan.IdleTimeoutSeconds,
            DropInvalidHeaderFields = true,
            AccessLogs = args.AccessLogs is { } logs
                ? new Pulumi.Aws.LB.Inputs.LoadBalancerAccessLogsArgs { Bucket = logs.Bucket, Prefix = logs.Prefix, Enabled = true }
                : null!,
            Tags = tags,
        }, args.AccessLogs is { } accessLogs
            ? new CustomResourceOptions { Parent = this, DependsOn = { accessLogs.Policy } } // the ALB checks it may write before enabling logs
            : Children.Of(this));
        LoadBalancerArn = alb.Arn;
        LoadBalancerArnSuffix = alb.ArnSuffix;
        LoadBalancerDnsName = alb.DnsName;

        var targetGroups = new Dictionary<string, TargetGroup>(StringComparer.Ordinal);
        foreach (ServicePlan? service in args.Services.Where(s => s.OnAlb))
        {
            targetGroups[service.LogicalName] = new TargetGroup($"{service.LogicalName}-tg", new TargetGroupArgs
            {
                Name = service.TargetGroupName,
                Port = service.Port,
                Protocol = "HTTP",
                TargetType = "ip", // awsvpc tasks register by address
                VpcId = network.VpcId,
                DeregistrationDelay = lbPlan.DeregistrationDelaySeconds,
                HealthCheck = new Pulumi.Aws.LB.Inputs.TargetGroupHealthCheckArgs { Path = service.HealthCheckPath, Matcher = "200", Protocol = "HTTP" },
                Tags = tags,
            }, Children.Of(this));
        }

        TargetGroupArns = targetGroups.ToImmutableDictionary(t => t.Key, t => t.Value.Arn, StringComparer.Ordinal);
        TargetGroupArnSuffixes = targetGroups.ToImmutableDictionary(t => t.Key, t => t.Value.ArnSuffix, StringComparer.Ordinal);

        Listener? https = null;
        foreach (ListenerPlan plan in lbPlan.Listeners)
        {
            var listener = new Listener($"listener-{plan.Port}", new ListenerArgs
            {
                LoadBalancerArn = alb.Arn,
                Port = plan.Port,
                Protocol = plan.Protocol,
                SslPolicy = Children.Maybe(plan.SslPolicy),
                CertificateArn = Children.Maybe(plan.Protocol == "HTTPS" ? certificate.CertificateArn : null),
                DefaultActions =
                {
                    plan.RedirectToHttps
                        ? new Pulumi.Aws.LB.Inputs.ListenerDefaultActionArgs
                        {
                            Type = "redirect",
                            Redirect = new Pulumi.Aws.LB.Inputs.ListenerDefaultActionRedirectArgs { Protocol = "HTTPS", Port = "443", StatusCode = "HTTP_301" },
                        }
                        // Without the origin header a request came around CloudFront and the gateway: no service answers it.
                        : new Pulumi.Aws.LB.Inputs.ListenerDefaultActionArgs
                        {
                            Type = "fixed-response",
                            FixedResponse = new Pulumi.Aws.LB.Inputs.ListenerDefaultActionFixedResponseArgs { ContentType = "text/plain", MessageBody = "Forbidden", StatusCode = "403" },
                        },
                },
                Tags = tags,
            }, Children.Of(this));
            if (plan.Protocol == "HTTPS")
            {
                https = listener;
            }
        }

        Listener httpsListener = https ?? throw new InvalidOperationException("The load balancer plan has no HTTPS listener.");
        HttpsListenerArn = httpsListener.Arn;
        Pulumi.Aws.LB.Inputs.ListenerRuleConditionArgs OriginHeader() => new Pulumi.Aws.LB.Inputs.ListenerRuleConditionArgs
        {
            HttpHeader = new Pulumi.Aws.LB.Inputs.ListenerRuleConditionHttpHeaderArgs
            {
                HttpHeaderName = args.Plan.OriginVerification.HeaderName,
                Values = { args.OriginVerifyValue },
            },
        };
        foreach (RoutingRulePlan rule in lbPlan.Rules)
        {
            _ = new ListenerRule($"rule-{rule.Service}", new ListenerRuleArgs
            {
                ListenerArn = httpsListener.Arn,
                Priority = rule.Priority,
                Actions = { new Pulumi.Aws.LB.Inputs.ListenerRuleActionArgs { Type = "forward", TargetGroupArn = targetGroups[rule.Service].Arn } },
                Conditions =
                {
                    new Pulumi.Aws.LB.Inputs.ListenerRuleConditionArgs
                    {
                        PathPattern = new Pulumi.Aws.LB.Inputs.ListenerRuleConditionPathPatternArgs { Values = { rule.PathPattern } },
                    },
                    OriginHeader(),
                },
                Tags = tags,
            }, Children.Of(this));
        }

        _ = new ListenerRule($"rule-{lbPlan.DefaultService}", new ListenerRuleArgs
        {
            ListenerArn = httpsListener.Arn,
            Priority = lbPlan.DefaultRulePriority,
            Actions = { new Pulumi.Aws.LB.Inputs.ListenerRuleActionArgs { Type = "forward", TargetGroupArn = targetGroups[lbPlan.DefaultService].Arn } },
            Conditions = { OriginHeader() },
            Tags = tags,
        }, Children.Of(this));

        ApiEndpoint = Api(args, network, alb, zoneId, tags);
        RegisterOutputs(new Dictionary<string, object?> { ["albArn"] = LoadBalancerArn, ["apiEndpoint"] = ApiEndpoint });
    }

    public Output<string> LoadBalancerArn { get; }

    public Output<string> LoadBalancerArnSuffix { get; }

    public Output<string> LoadBalancerDnsName { get; }

    public Output<string> HttpsListenerArn { get; }

    public Output<string> ApiEndpoint { get; }

    /// <summary>The API's id: the ApiId dimension of its metrics.</summary>
    public Output<string> ApiId { get; private set; } = Output.Create("");

    /// <summary>Target group ARN per public service logical name.</summary>
    public ImmutableDictionary<string, Output<string>> TargetGroupArns { get; }

    public ImmutableDictionary<string, Output<string>> TargetGroupArnSuffixes { get; }

    private Output<string> Api(RegionIngressArgs args, Network.RegionNetwork network, LoadBalancer alb, Output<string> zoneId, InputMap<string> tags)
    {
        ApiGatewayPlan plan = args.Plan.Api;
        // A VPC link V2 serves REST APIs too and reaches the ALB directly (a V1 link would need an NLB in front).
        var link = new Pulumi.Aws.ApiGatewayV2.VpcLink("api-link", new Pulumi.Aws.ApiGatewayV2.VpcLinkArgs
        {
            Name = plan.VpcLinkName,
            SubnetIds = network.SubnetIds[SubnetTier.Private],
            SecurityGroupIds = { network.SecurityGroupIds["api-link"] },
            Tags = tags,
        }, Children.Of(this));
        var api = new RestApi("api", new RestApiArgs
        {
            Name = plan.Name,
            EndpointConfiguration = new Pulumi.Aws.ApiGateway.Inputs.RestApiEndpointConfigurationArgs { Types = "REGIONAL" },
            // Only the custom domain (behind the web ACL's rules and the usage plans) answers.
            DisableExecuteApiEndpoint = true,
            Tags = tags,
        }, Children.Of(this));
        ApiId = api.Id;

        // One resource per path segment: /api, /api/{proxy+}, /api/checkout, /api/checkout/{proxy+}.
        var resources = new Dictionary<string, Pulumi.Aws.ApiGateway.Resource>(StringComparer.Ordinal);
        Input<string> ResourceFor(string path)
        {
            if (path.Length == 0)
            {
                return api.RootResourceId;
            }

            if (!resources.TryGetValue(path, out Pulumi.Aws.ApiGateway.Resource? resource))
            {
                int cut = path.LastIndexOf('/');
                string parent = cut < 0 ? "" : path[..cut];
                resource = new Pulumi.Aws.ApiGateway.Resource($"api-resource-{resources.Count + 1}", new Pulumi.Aws.ApiGateway.ResourceArgs
                {
                    RestApi = api.Id,
                    ParentId = ResourceFor(parent),
                    PathPart = path[(cut + 1)..],
                }, Children.Of(this));
                resources[path] = resource;
            }

            return resource.Id;
        }

        var wiring = new List<Pulumi.Resource>();
        foreach ((string routeKey, int index) in plan.Routes.Select((r, i) => (r, i)))
        {
            string method = routeKey[..routeKey.IndexOf(' ', StringComparison.Ordinal)];
            string path = routeKey[(routeKey.IndexOf(' ', StringComparison.Ordinal) + 1)..].TrimStart('/');
            Input<string> resourceId = ResourceFor(path);
            var apiMethod = new Method($"api-method-{index + 1}", new MethodArgs
            {
                RestApi = api.Id,
                ResourceId = resourceId,
                HttpMethod = method,
                Authorization = "NONE", // the services authenticate callers; the key picks the usage plan
                ApiKeyRequired = true,
                RequestParameters = { { "method.request.path.proxy", true } },
            }, Children.Of(this));
            wiring.Add(apiMethod);
            wiring.Add(new Pulumi.Aws.ApiGateway.Integration($"api-integration-{index + 1}", new Pulumi.Aws.ApiGateway.IntegrationArgs
            {
                RestApi = api.Id,
                ResourceId = resourceId,
                HttpMethod = apiMethod.HttpMethod,
                Type = "HTTP_PROXY",
                IntegrationHttpMethod = method,
                ConnectionType = "VPC_LINK",
                ConnectionId = link.Id,
                IntegrationTarget = alb.Arn,
                // HTTPS to the listener, checked against the regional name the ALB certificate carries.
                Uri = $"https://{args.Plan.LoadBalancer.CertificateDomain}/{path.Replace("{proxy+}", "{proxy}", StringComparison.Ordinal)}",
                RequestParameters =
                {
                    { "integration.request.path.proxy", "method.request.path.proxy" },
                    // The ALB's rules require the origin header of every request, the gateway's included.
                    { $"integration.request.header.{args.Plan.OriginVerification.HeaderName}", args.OriginVerifyValue.Apply(v => $"'{v}'") },
                },
            }, Children.Of(this)));
        }

        var deployment = new Pulumi.Aws.ApiGateway.Deployment("api-deployment", new DeploymentArgs
        {
            RestApi = api.Id,
            // A new deployment whenever the routes change; the stage then points at it.
            Triggers = { { "routes", string.Join(",", plan.Routes) } },
        }, new CustomResourceOptions { Parent = this, DependsOn = wiring.ToArray() });
        var stage = new Pulumi.Aws.ApiGateway.Stage("api-stage", new Pulumi.Aws.ApiGateway.StageArgs
        {
            RestApi = api.Id,
            Deployment = deployment.Id,
            StageName = plan.StageName,
            XrayTracingEnabled = true,
            Tags = tags,
        }, Children.Of(this));
        _ = new MethodSettings("api-throttle-default", new MethodSettingsArgs
        {
            RestApi = api.Id,
            StageName = stage.StageName,
            MethodPath = "*/*",
            Settings = new Pulumi.Aws.ApiGateway.Inputs.MethodSettingsSettingsArgs
            {
                ThrottlingRateLimit = plan.DefaultThrottle.RateLimit,
                ThrottlingBurstLimit = plan.DefaultThrottle.BurstLimit,
                MetricsEnabled = true,
            },
        }, Children.Of(this));
        foreach ((RouteThrottlePlan throttle, int index) in plan.RouteThrottles.Select((t, i) => (t, i)))
        {
            _ = new MethodSettings($"api-throttle-{index + 1}", new MethodSettingsArgs
            {
                RestApi = api.Id,
                StageName = stage.StageName,
                MethodPath = ApiGatewayPlan.MethodPath(throttle.RouteKey),
                Settings = new Pulumi.Aws.ApiGateway.Inputs.MethodSettingsSettingsArgs { ThrottlingRateLimit = throttle.RateLimit, ThrottlingBurstLimit = throttle.BurstLimit, MetricsEnabled = true },
            }, Children.Of(this));
        }

        var usagePlans = new Dictionary<string, UsagePlan>(StringComparer.Ordinal);
        foreach (UsagePlanPlan usage in plan.UsagePlans)
        {
            usagePlans[usage.LogicalName] = new UsagePlan($"api-usage-{usage.LogicalName}", new UsagePlanArgs
            {
                Name = usage.Name,
                ApiStages = { new Pulumi.Aws.ApiGateway.Inputs.UsagePlanApiStageArgs { ApiId = api.Id, Stage = stage.StageName } },
                ThrottleSettings = new Pulumi.Aws.ApiGateway.Inputs.UsagePlanThrottleSettingsArgs { RateLimit = usage.RateLimit, BurstLimit = usage.BurstLimit },
                QuotaSettings = usage.QuotaPerDay is { } quota ? new Pulumi.Aws.ApiGateway.Inputs.UsagePlanQuotaSettingsArgs { Limit = quota, Period = "DAY" } : null!,
                Tags = tags,
            }, Children.Of(this));
        }

        var mobileKey = new Pulumi.Aws.ApiGateway.ApiKey("api-key-mobile", new Pulumi.Aws.ApiGateway.ApiKeyArgs { Name = $"{plan.Name}-mobile", Enabled = true, Tags = tags }, Children.Of(this));
        _ = new UsagePlanKey("api-key-mobile-plan", new UsagePlanKeyArgs { KeyId = mobileKey.Id, KeyType = "API_KEY", UsagePlanId = usagePlans[plan.MobileUsagePlan].Id }, Children.Of(this));

        WebAclPlan acl = plan.WebAcl;
        var waf = new WebAcl("api-waf", new WebAclArgs
        {
            Name = acl.Name,
            Scope = acl.Scope,
            DefaultAction = new Pulumi.Aws.WafV2.Inputs.WebAclDefaultActionArgs { Allow = new Pulumi.Aws.WafV2.Inputs.WebAclDefaultActionAllowArgs() },
            Rules = acl.Rules.Select(Edge.GlobalEdge.WafRule).ToList(),
            VisibilityConfig = new Pulumi.Aws.WafV2.Inputs.WebAclVisibilityConfigArgs { CloudwatchMetricsEnabled = true, MetricName = acl.Name, SampledRequestsEnabled = true },
            Tags = tags,
        }, Children.Of(this));
        _ = new WebAclAssociation("api-waf-association", new WebAclAssociationArgs { ResourceArn = stage.Arn, WebAclArn = waf.Arn }, Children.Of(this));
        var wafLogs = new Pulumi.Aws.CloudWatch.LogGroup("api-waf-logs", new Pulumi.Aws.CloudWatch.LogGroupArgs { Name = acl.LogGroupName, RetentionInDays = acl.LogRetentionDays, Tags = tags }, Children.Of(this));
        _ = new WebAclLoggingConfiguration("api-waf-logging", new WebAclLoggingConfigurationArgs
        {
            ResourceArn = waf.Arn,
            LogDestinationConfigs = { wafLogs.Arn },
            RedactedFields = acl.RedactedHeaders.Append("x-api-key").Select(h => new Pulumi.Aws.WafV2.Inputs.WebAclLoggingConfigurationRedactedFieldArgs
            {
                SingleHeader = new Pulumi.Aws.WafV2.Inputs.WebAclLoggingConfigurationRedactedFieldSingleHeaderArgs { Name = h },
            }).ToList(),
        }, Children.Of(this));

        CertificateValidation certificate = Certificates.Create(args.Plan.Certificates.Single(c => c.LogicalName == "api-certificate"), zoneId, tags, this);
        var domain = new Pulumi.Aws.ApiGateway.DomainName("api-domain", new Pulumi.Aws.ApiGateway.DomainNameArgs
        {
            Domain = plan.CustomDomain,
            RegionalCertificateArn = certificate.CertificateArn,
            EndpointConfiguration = new Pulumi.Aws.ApiGateway.Inputs.DomainNameEndpointConfigurationArgs { Types = "REGIONAL" },
            SecurityPolicy = "TLS_1_2",
            Tags = tags,
        }, Children.Of(this));
        _ = new BasePathMapping("api-mapping", new BasePathMappingArgs { RestApi = api.Id, StageName = stage.StageName, DomainName = domain.Id }, Children.Of(this));

        DnsRecordPlan record = args.ApiRecord;
        _ = new Record(record.LogicalName, new RecordArgs
        {
            ZoneId = zoneId,
            Name = record.Name,
            Type = record.Type,
            SetIdentifier = Children.Maybe(record.SetIdentifier),
            LatencyRoutingPolicies = { new Pulumi.Aws.Route53.Inputs.RecordLatencyRoutingPolicyArgs { Region = record.SetIdentifier! } },
            Aliases =
            {
                new Pulumi.Aws.Route53.Inputs.RecordAliasArgs
                {
                    Name = domain.RegionalDomainName,
                    ZoneId = domain.RegionalZoneId,
                    EvaluateTargetHealth = true,
                },
            },
        }, Children.Of(this));
        return stage.InvokeUrl;
    }
}
