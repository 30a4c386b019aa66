using System.Collections.Immutable;
using SecureCart.Platform.Plan.Constraints;

namespace SecureCart.Platform.Infra.Tests;

/// <summary>What the mocks can see of the AWS rules: ordering, alarm dimensions, who may reach what, Spot placement.</summary>
public sealed class AwsRulesInfraTests
{
    [Fact]
    public async Task Gateway_Deployment_RegisteredOnlyAfterEveryIntegration_AndCheckoutThrottledByItsMethodPath()
    {
        // API Gateway answers the integrations late (they wait for the VPC link): the deployment must still come after them.
        var run = await StackRun.RunAsync("prod-eu", slowTypes: new HashSet<string>(StringComparer.Ordinal) { "aws:apigateway/integration:Integration" });

        var integrations = run.Timeline.Where(t => t.Key.StartsWith("aws:apigateway/integration:Integration ", StringComparison.Ordinal)).ToList();
        var deployment = run.Timeline["aws:apigateway/deployment:Deployment api-deployment"];
        Assert.Equal(2, integrations.Count);
        Assert.All(integrations, r => Assert.True(deployment.Asked > r.Value.Answered, $"deployment asked at {deployment.Asked}, {r.Key} answered at {r.Value.Answered}"));
        var checkout = run.Single("aws:apigateway/methodSettings:MethodSettings", "api-throttle-1").Inputs;
        Assert.Equal("api/checkout/{proxy+}/POST", checkout["methodPath"]);
        var plan = Plans.For("prod-eu").Ingress.Api;
        Assert.Equal((double)plan.RouteThrottles[0].RateLimit, Convert.ToDouble(((IDictionary<string, object>)checkout["settings"])["throttlingRateLimit"], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("prod-us")]
    [InlineData("prod-eu")]
    public async Task Alarms_EveryDimension_PublishedSetWithDeployedIdentifiers(string stack)
    {
        var plan = Plans.For(stack);

        var run = await StackRun.RunAsync(stack);

        var alarms = run.OfType("aws:cloudwatch/metricAlarm:MetricAlarm").Where(a => a.Inputs.ContainsKey("dimensions")).ToList();
        Assert.Equal(plan.Observability.Alarms.Length, alarms.Count);
        foreach (var alarm in alarms)
        {
            var dims = ((IDictionary<string, object>)alarm.Inputs["dimensions"]).ToDictionary(d => d.Key, d => (string)d.Value, StringComparer.Ordinal);
            var published = MetricDimensions.Published[$"{alarm.Inputs["namespace"]} {alarm.Inputs["metricName"]}"];
            Assert.Contains(published, set => set.SequenceEqual(dims.Keys.Order(StringComparer.Ordinal), StringComparer.Ordinal));
            // Deployed identifiers, never the plan's logical names (literals such as Region=Global pass as planned).
            var planned = plan.Observability.Alarms.Single(a => a.LogicalName == alarm.Name).Dimensions;
            Assert.All(dims, d => Assert.True(MetricDimensions.Literal.Contains(d.Key) || d.Value != planned[d.Key], $"{alarm.Name}: {d.Key}={d.Value}"));
        }

        var redis = alarms.Where(a => (string)a.Inputs["namespace"] == "AWS/ElastiCache" && (string)a.Inputs["metricName"] == "EngineCPUUtilization").Select(a => (string)((IDictionary<string, object>)a.Inputs["dimensions"])["CacheClusterId"]).ToList();
        Assert.Equal(plan.Data.Redis.Nodes.Select(n => n.CacheClusterId), redis);
        var memory = alarms.Where(a => (string)a.Inputs["namespace"] == "AWS/ElastiCache" && (string)a.Inputs["metricName"] == "DatabaseMemoryUsagePercentage").Select(a => (string)((IDictionary<string, object>)a.Inputs["dimensions"])["CacheClusterId"]).ToList();
        Assert.Equal(plan.Data.Redis.Nodes.Select(n => n.CacheClusterId), memory);
    }

    [Theory]
    [InlineData("prod-us")]
    [InlineData("prod-eu")]
    public async Task SecurityGroups_RequestPath_CloudFrontToAlbToServicesToDataAndNothingElse(string stack)
    {
        var run = await StackRun.RunAsync(stack);

        // Group ids are "<logical>-sg-id" under the mocks; an edge is "source -> tier:port".
        string Tier(object id) => ((string)id).Replace("-sg-id", "", StringComparison.Ordinal);
        var edges = run.OfType("aws:ec2/securityGroupRule:SecurityGroupRule").Where(r => (string)r.Inputs["type"] == "ingress").Select(r =>
        {
            var source = r.Inputs.TryGetValue("sourceSecurityGroupId", out var sg) ? Tier(sg)
                : r.Inputs.TryGetValue("prefixListIds", out var pl) && ((IEnumerable<object>)pl).Any() ? (string)((IEnumerable<object>)pl).Single()
                : string.Join(",", ((IEnumerable<object>?)r.Inputs.GetValueOrDefault("cidrBlocks") ?? []).Cast<string>());
            return $"{source} -> {Tier(r.Inputs["securityGroupId"])}:{Convert.ToInt32(r.Inputs["fromPort"], System.Globalization.CultureInfo.InvariantCulture)}";
        }).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(
            [
                "alb -> services:8080",
                "api-link -> alb:443",
                "cart-data-client -> data:6379",
                "catalog-data-client -> data:6379",
                "charge-payment-data-client -> data:5432",
                "functions -> endpoints:443",
                "inventory-data-client -> data:5432",
                "orders-data-client -> data:5432",
                "payments-data-client -> data:5432",
                "pl-com.amazonaws.global.cloudfront.origin-facing -> alb:443",
                "postgres-proxy-data-client -> data:5432",
                "postgres-rotation-data-client -> data:5432",
                "refund-payment-data-client -> data:5432",
                "services -> endpoints:443",
                "services -> services:8080",
                "storefront-data-client -> data:6379",
            ],
            edges);
        // Who sits in which group along the path.
        Assert.Equal(["alb-sg-id"], ((IEnumerable<object>)run.Single("aws:lb/loadBalancer:LoadBalancer", "alb").Inputs["securityGroups"]).Cast<string>());
        Assert.Equal(["api-link-sg-id"], ((IEnumerable<object>)run.Single("aws:apigatewayv2/vpcLink:VpcLink", "api-link").Inputs["securityGroupIds"]).Cast<string>());
        Assert.Equal(["data-sg-id"], ((IEnumerable<object>)run.Single("aws:rds/instance:Instance", "postgres").Inputs["vpcSecurityGroupIds"]).Cast<string>());
        Assert.Equal(["data-sg-id"], ((IEnumerable<object>)run.Single("aws:elasticache/replicationGroup:ReplicationGroup", "redis").Inputs["securityGroupIds"]).Cast<string>());
        // Every task is in the services group; only those whose plan grants a store add their own data-client group.
        Assert.All(run.OfType("aws:ecs/service:Service"), s => Assert.Equal(
            s.Name is "orders" or "payments" or "inventory" or "storefront" or "catalog" or "cart" ? ["services-sg-id", $"{s.Name}-data-client-sg-id"] : ["services-sg-id"],
            ((IEnumerable<object>)((IDictionary<string, object>)s.Inputs["networkConfiguration"])["securityGroups"]).Cast<string>()));
        Assert.Equal("alb-id", ((IDictionary<string, object>)((IEnumerable<object>)Assert.Single(run.OfType("aws:globalaccelerator/endpointGroup:EndpointGroup")).Inputs["endpointConfigurations"]).Single())["endpointId"]
            .ToString()!.Replace("arn:aws:mock:::aws:lb/loadBalancer:LoadBalancer/alb", "alb-id", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("prod-us")]
    [InlineData("prod-eu")]
    public async Task Alb_EveryForwardNeedsTheOriginHeaderAndTheDefaultForbids(string stack)
    {
        var plan = Plans.For(stack);

        var run = await StackRun.RunAsync(stack);

        var https = run.Single("aws:lb/listener:Listener", "listener-443").Inputs;
        var fallback = (IDictionary<string, object>)((IEnumerable<object>)https["defaultActions"]).Single();
        Assert.Equal("fixed-response", fallback["type"]);
        var value = stack == "prod-us" ? "generated0value" : "home0origin0value";
        var rules = run.OfType("aws:lb/listenerRule:ListenerRule").ToList();
        Assert.Equal(plan.Ingress.LoadBalancer.Rules.Length + 1, rules.Count);
        Assert.All(rules, r => Assert.Contains(((IEnumerable<object>)r.Inputs["conditions"]).Cast<IDictionary<string, object>>(), c =>
            c.TryGetValue("httpHeader", out var h) && (string)((IDictionary<string, object>)h)["httpHeaderName"] == "x-securecart-origin"
            && ((IEnumerable<object>)((IDictionary<string, object>)h)["values"]).Single().Equals(value)));
        Assert.All(run.OfType("aws:apigateway/integration:Integration"), integration =>
            Assert.Equal($"'{value}'", ((IDictionary<string, object>)integration.Inputs["requestParameters"])["integration.request.header.x-securecart-origin"]));
    }

    [Fact]
    public async Task Services_SpotPlacement_OnlyX86TasksOnFargateSpot()
    {
        foreach (var stack in new[] { "prod-us", "prod-eu" })
        {
            var run = await StackRun.RunAsync(stack);

            foreach (var service in run.OfType("aws:ecs/service:Service"))
            {
                var providers = ((IEnumerable<object>)service.Inputs["capacityProviderStrategies"]).Cast<IDictionary<string, object>>().Select(p => (string)p["capacityProvider"]);
                var task = run.Single("aws:ecs/taskDefinition:TaskDefinition", $"{service.Name}-task").Inputs;
                var arch = (string)((IDictionary<string, object>)task["runtimePlatform"])["cpuArchitecture"];
                Assert.True(!providers.Contains("FARGATE_SPOT") || arch == "X86_64", $"{stack} {service.Name}: {arch} on {string.Join(",", providers)}");
            }
        }
    }

    [Fact]
    public async Task ReplicaStack_SharedValidationRecords_LeftToTheHomeStack()
    {
        var us = await StackRun.RunAsync("prod-us");
        var eu = await StackRun.RunAsync("prod-eu");

        ImmutableSortedSet<string> Records(StackRun run) => run.OfType("aws:route53/record:Record").Where(r => r.Name!.Contains("-validation-", StringComparison.Ordinal)).Select(r => r.Name!).ToImmutableSortedSet(StringComparer.Ordinal);
        Assert.Equal(["alb-certificate-validation-1"], Records(eu));
        Assert.Contains("alb-certificate-validation-2", Records(us));
        Assert.Contains("api-certificate-validation-1", Records(us));
        Assert.All(us.OfType("aws:route53/record:Record"), r => Assert.False(r.Inputs.TryGetValue("allowOverwrite", out var o) && (bool)o));
    }

    [Fact]
    public async Task Functions_ReleaseKeyAndOwnRoleWithTheirStepsGrants()
    {
        var plan = Plans.For("prod-eu");

        var run = await StackRun.RunAsync("prod-eu");

        foreach (var f in plan.Workflow.Functions)
        {
            var function = run.Single("aws:lambda/function:Function", f.LogicalName).Inputs;
            Assert.Equal(f.PackageKey, function["s3Key"]);
            // Its configuration: one variable per IAM grant, carrying the deployed ARN of the granted resource.
            var variables = (IDictionary<string, object>)((IDictionary<string, object>)function["environment"])["variables"];
            Assert.Equal(f.Access.Count(a => !a.IsNetwork), variables.Count);
            Assert.All(variables.Values, v => Assert.StartsWith("arn:", (string)v, StringComparison.Ordinal));
            Assert.Equal($"arn:aws:mock:::aws:iam/role:Role/{f.LogicalName}-role", function["role"]);
            var policy = (string)run.Single("aws:iam/rolePolicy:RolePolicy", $"{f.LogicalName}-access").Inputs["policy"];
            Assert.Contains(f.Access[0].Kind switch
            {
                Plan.Compute.AccessKind.QueueSend => "sqs:SendMessage",
                Plan.Compute.AccessKind.BusPublish => "events:PutEvents",
                _ => "dynamodb:GetItem",
            }, policy, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task EndpointGroup_AlbEndpoint_NoHealthSettingsGlobalAcceleratorWouldIgnore()
    {
        var run = await StackRun.RunAsync("prod-eu");

        var group = Assert.Single(run.OfType("aws:globalaccelerator/endpointGroup:EndpointGroup")).Inputs;
        Assert.DoesNotContain("healthCheckPath", group.Keys);
        Assert.DoesNotContain("healthCheckIntervalSeconds", group.Keys);
    }

    [Fact]
    public async Task Data_PasswordsGeneratedIntoSecretsManager_RotatedAndRedisAuthOverTls()
    {
        var rds = Plans.For("prod-eu").Data.Rds;

        var run = await StackRun.RunAsync("prod-eu");

        var redis = run.Single("aws:elasticache/replicationGroup:ReplicationGroup", "redis").Inputs;
        Assert.True((bool)redis["transitEncryptionEnabled"]);
        Assert.Equal("generated0value", redis["authToken"]);
        using var document = System.Text.Json.JsonDocument.Parse((string)run.Single("aws:secretsmanager/secretVersion:SecretVersion", "postgres-master-value").Inputs["secretString"]);
        Assert.Equal((rds.MasterUsername, "generated0value"), (document.RootElement.GetProperty("username").GetString(), document.RootElement.GetProperty("password").GetString()));
        Assert.Equal(rds.MasterPasswordSecretName, run.Single("aws:secretsmanager/secret:Secret", "postgres-master").Inputs["name"]);
        var rotation = run.Single("aws:secretsmanager/secretRotation:SecretRotation", "postgres-master-rotation").Inputs;
        Assert.Equal("arn:aws:lambda:us-east-1:123456789012:function:rotation", rotation["rotationLambdaArn"]);
        Assert.Equal(30d, Convert.ToDouble(((IDictionary<string, object>)rotation["rotationRules"])["automaticallyAfterDays"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.All(run.OfType("aws:rds/instance:Instance").Where(i => i.Name is not ("postgres" or "postgres-standby")), r => Assert.Equal(rds.Identifier, r.Inputs["replicateSourceDb"]));
    }

    [Theory]
    [InlineData("prod-us")]
    [InlineData("prod-eu")]
    public async Task SecurityGroups_DataTier_ReachedOnlyByWhatThePlanGrantsAStore(string stack)
    {
        var plan = Plans.For(stack);

        var run = await StackRun.RunAsync(stack);

        // Which ports of the data group each deployed group may open, from the rules the program created.
        var dataPorts = run.OfType("aws:ec2/securityGroupRule:SecurityGroupRule")
            .Where(r => (string)r.Inputs["securityGroupId"] == "data-sg-id" && r.Inputs.ContainsKey("sourceSecurityGroupId"))
            .ToLookup(r => (string)r.Inputs["sourceSecurityGroupId"], r => Convert.ToInt32(r.Inputs["fromPort"], System.Globalization.CultureInfo.InvariantCulture));
        ImmutableSortedSet<int> Reach(IEnumerable<string> groups) => groups.SelectMany(g => dataPorts[g]).ToImmutableSortedSet();
        ImmutableSortedSet<int> Granted(IEnumerable<Plan.Compute.ServiceAccess> access) => access
            .Select(a => a.Kind switch { Plan.Compute.AccessKind.PostgresConnect => 5432, Plan.Compute.AccessKind.RedisConnect => 6379, _ => 0 })
            .Where(p => p > 0).ToImmutableSortedSet();

        foreach (var service in plan.Compute.Services)
        {
            var groups = ((IEnumerable<object>)((IDictionary<string, object>)run.Single("aws:ecs/service:Service", service.LogicalName).Inputs["networkConfiguration"])["securityGroups"]).Cast<string>();
            Assert.Equal(Granted(service.Access), Reach(groups));
        }

        foreach (var function in plan.Workflow.Functions)
        {
            var inputs = run.Single("aws:lambda/function:Function", function.LogicalName).Inputs;
            var groups = inputs.TryGetValue("vpcConfig", out var vpc) ? ((IEnumerable<object>)((IDictionary<string, object>)vpc)["securityGroupIds"]).Cast<string>() : [];
            Assert.Equal(Granted(function.Access), Reach(groups));
        }

        // The catalog (a public service with a cache) must never open the orders database; orders never Redis.
        Assert.Equal([6379], Reach(["catalog-data-client-sg-id", "services-sg-id"]));
        Assert.Equal([5432], Reach(["orders-data-client-sg-id", "services-sg-id"]));
        Assert.Empty(Reach(["services-sg-id", "functions-sg-id"]));
    }

    [Fact]
    public async Task Functions_ThatReachADataStore_RunInThePrivateSubnetsWithTheirOwnGroup()
    {
        var plan = Plans.For("prod-eu");

        var run = await StackRun.RunAsync("prod-eu");

        foreach (var f in plan.Workflow.Functions)
        {
            var inputs = run.Single("aws:lambda/function:Function", f.LogicalName).Inputs;
            if (f.LogicalName is "charge-payment" or "refund-payment")
            {
                var vpc = (IDictionary<string, object>)inputs["vpcConfig"];
                Assert.Equal(["functions-sg-id", $"{f.LogicalName}-data-client-sg-id"], ((IEnumerable<object>)vpc["securityGroupIds"]).Cast<string>());
                Assert.Equal(3, ((IEnumerable<object>)vpc["subnetIds"]).Count());
                Assert.Equal("arn:aws:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole", run.Single("aws:iam/rolePolicyAttachment:RolePolicyAttachment", $"{f.LogicalName}-vpc-access").Inputs["policyArn"]);
            }
            else
            {
                Assert.False(inputs.ContainsKey("vpcConfig"), f.LogicalName);
            }
        }
    }

    [Fact]
    public async Task Payments_KeyFromTheEncryptedConfig_InSecretsManagerAndANewVersionIsANewTaskRevision()
    {
        var run = await StackRun.RunAsync("prod-us");

        Assert.Equal(StackRun.PaymentsApiKey, run.Single("aws:secretsmanager/secretVersion:SecretVersion", "payments-secret-paymentsApiKey-value").Inputs["secretString"]);
        using var containers = System.Text.Json.JsonDocument.Parse((string)run.Single("aws:ecs/taskDefinition:TaskDefinition", "payments-task").Inputs["containerDefinitions"]);
        var app = containers.RootElement[0];
        Assert.Equal("paymentsApiKey", app.GetProperty("secrets")[0].GetProperty("name").GetString());
        // The task names the secret version it was started with, so a rotated key redeploys the tasks.
        Assert.Contains(app.GetProperty("environment").EnumerateArray(), e =>
            e.GetProperty("name").GetString() == "SECURECART_SECRET_VERSIONS" && e.GetProperty("value").GetString()!.Contains("payments-secret-paymentsApiKey-value", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Waf_ManagedGroupsRateRuleAndLoggingToAnAwsWafLogsGroup()
    {
        var acl = Plans.For("prod-us").Edge!.WebAcl;

        var run = await StackRun.RunAsync("prod-us");

        var rules = ((IEnumerable<object>)run.Single("aws:wafv2/webAcl:WebAcl", "waf").Inputs["rules"]).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(acl.Rules.Select(r => r.Name), rules.Select(r => (string)r["name"]));
        foreach (var rule in rules)
        {
            var statement = (IDictionary<string, object>)rule["statement"];
            if (statement.TryGetValue("managedRuleGroupStatement", out var managed))
            {
                Assert.Equal("AWS", ((IDictionary<string, object>)managed)["vendorName"]);
                Assert.True(rule.ContainsKey("overrideAction") && !rule.ContainsKey("action"), $"{rule["name"]}: a managed group takes an override action only");
            }
            else
            {
                Assert.Equal(2000d, Convert.ToDouble(((IDictionary<string, object>)statement["rateBasedStatement"])["limit"], System.Globalization.CultureInfo.InvariantCulture));
                Assert.True(rule.ContainsKey("action") && !rule.ContainsKey("overrideAction"));
            }
        }

        var logs = run.Single("aws:cloudwatch/logGroup:LogGroup", "waf-logs").Inputs;
        Assert.StartsWith("aws-waf-logs-", (string)logs["name"], StringComparison.Ordinal);
        var logging = run.Single("aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration", "waf-logging").Inputs;
        Assert.Equal(["arn:aws:mock:::aws:cloudwatch/logGroup:LogGroup/waf-logs"], ((IEnumerable<object>)logging["logDestinationConfigs"]).Cast<string>());
        Assert.Equal(["authorization", "cookie"], ((IEnumerable<object>)logging["redactedFields"]).Cast<IDictionary<string, object>>()
            .Select(f => (string)((IDictionary<string, object>)f["singleHeader"])["name"]));
        // Other stacks have no CloudFront ACL; their gateway's REGIONAL one is all they have.
        var eu = await StackRun.RunAsync("prod-eu");
        Assert.Equal(["REGIONAL"], eu.OfType("aws:wafv2/webAcl:WebAcl").Select(a => (string)a.Inputs["scope"]));
    }
}
