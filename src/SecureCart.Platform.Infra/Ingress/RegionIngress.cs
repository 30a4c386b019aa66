using System.Collections.Immutable;
using Pulumi;
using Pulumi.Aws.Acm;
using Pulumi.Aws.ApiGatewayV2;
using Pulumi.Aws.LB;
using Pulumi.Aws.Route53;
using SecureCart.Platform.Infra.Network;
using SecureCart.Platform.Plan.Compute;
using SecureCart.Platform.Plan.Edge;
using SecureCart.Platform.Plan.Ingress;
using SecureCart.Platform.Plan.Network;

namespace SecureCart.Platform.Infra.Ingress;

/// <summary>
/// The internal ALB (listeners, path rules, one target group per public service) and the regional HTTP API
/// (VPC link to the ALB, stage and route throttling, custom domain, latency record).
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

        ApiEndpoint = Api(args, network, httpsListener, zoneId, tags);
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

    private Output<string> Api(RegionIngressArgs args, Network.RegionNetwork network, Listener httpsListener, Output<string> zoneId, InputMap<string> tags)
    {
        ApiGatewayPlan plan = args.Plan.Api;
        var link = new VpcLink("api-link", new VpcLinkArgs
        {
            Name = plan.VpcLinkName,
            SubnetIds = network.SubnetIds[SubnetTier.Private],
            SecurityGroupIds = { network.SecurityGroupIds["api-link"] },
            Tags = tags,
        }, Children.Of(this));
        var api = new Api("api", new ApiArgs { Name = plan.Name, ProtocolType = "HTTP", Tags = tags }, Children.Of(this));
        ApiId = api.Id;
        var integration = new Integration("api-integration", new IntegrationArgs
        {
            ApiId = api.Id,
            IntegrationType = "HTTP_PROXY",
            IntegrationMethod = "ANY",
            IntegrationUri = httpsListener.Arn,
            ConnectionType = "VPC_LINK",
            ConnectionId = link.Id,
            PayloadFormatVersion = "1.0",
            // The ALB certificate names the regional host; TLS to the listener is checked against it.
            TlsConfig = new Pulumi.Aws.ApiGatewayV2.Inputs.IntegrationTlsConfigArgs { ServerNameToVerify = args.Plan.LoadBalancer.CertificateDomain },
            // The ALB's rules require the origin header of every request, the gateway's included.
            RequestParameters = { { $"append:header.{args.Plan.OriginVerification.HeaderName}", args.OriginVerifyValue } },
        }, Children.Of(this));
        var routes = new Dictionary<string, Route>(StringComparer.Ordinal);
        foreach ((string? routeKey, int index) in plan.Routes.Select((r, i) => (r, i)))
        {
            routes[routeKey] = new Route($"api-route-{index + 1}", new RouteArgs { ApiId = api.Id, RouteKey = routeKey, Target = Output.Format($"integrations/{integration.Id}") }, Children.Of(this));
        }

        var stage = new Stage("api-stage", new StageArgs
        {
            ApiId = api.Id,
            Name = plan.StageName,
            AutoDeploy = true,
            DefaultRouteSettings = new Pulumi.Aws.ApiGatewayV2.Inputs.StageDefaultRouteSettingsArgs
            {
                ThrottlingRateLimit = plan.DefaultThrottle.RateLimit,
                ThrottlingBurstLimit = plan.DefaultThrottle.BurstLimit,
            },
            // The route's own key output: the stage cannot name a route API Gateway does not have yet.
            RouteSettings = plan.RouteThrottles.Select(t => new Pulumi.Aws.ApiGatewayV2.Inputs.StageRouteSettingArgs
            {
                RouteKey = routes[t.RouteKey].RouteKey,
                ThrottlingRateLimit = t.RateLimit,
                ThrottlingBurstLimit = t.BurstLimit,
            }).ToList(),
            Tags = tags,
        }, new CustomResourceOptions { Parent = this, DependsOn = { routes.Values.ToArray<Resource>() } });

        CertificateValidation certificate = Certificates.Create(args.Plan.Certificates.Single(c => c.LogicalName == "api-certificate"), zoneId, tags, this);
        var domain = new DomainName("api-domain", new DomainNameArgs
        {
            Domain = plan.CustomDomain,
            DomainNameConfiguration = new Pulumi.Aws.ApiGatewayV2.Inputs.DomainNameDomainNameConfigurationArgs
            {
                CertificateArn = certificate.CertificateArn,
                EndpointType = "REGIONAL",
                SecurityPolicy = "TLS_1_2",
            },
            Tags = tags,
        }, Children.Of(this));
        _ = new ApiMapping("api-mapping", new ApiMappingArgs { ApiId = api.Id, DomainName = domain.Id, Stage = stage.Id }, Children.Of(this));

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
                    Name = domain.DomainNameConfiguration.Apply(c => c.TargetDomainName ?? ""),
                    ZoneId = domain.DomainNameConfiguration.Apply(c => c.HostedZoneId ?? ""),
                    EvaluateTargetHealth = true,
                },
            },
        }, Children.Of(this));
        return api.ApiEndpoint;
    }
}
