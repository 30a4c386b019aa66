namespace SecureCart.Platform.Infra.Tests.Ingress;

public sealed class GatewayTests
{
    [Fact]
    public async Task Gateway_RestApiBehindARegionalWebAcl_KeysOnEveryMethod_UsagePlansOnTheStage()
    {
        var plan = Plans.For("prod-eu").Ingress.Api;
        var run = await StackRun.RunAsync("prod-eu");

        var api = run.Single("aws:apigateway/restApi:RestApi", "api").Inputs;
        Assert.True((bool)api["disableExecuteApiEndpoint"]);
        Assert.DoesNotContain(run.Created, c => c.Type == "aws:apigatewayv2/api:Api");
        Assert.All(run.OfType("aws:apigateway/method:Method"), m => Assert.True((bool)m.Inputs["apiKeyRequired"]));
        Assert.All(run.OfType("aws:apigateway/integration:Integration"), i =>
        {
            Assert.Equal(("VPC_LINK", "api-link-id"), ((string)i.Inputs["connectionType"], (string)i.Inputs["connectionId"]));
            Assert.Equal("arn:aws:mock:::aws:lb/loadBalancer:LoadBalancer/alb", i.Inputs["integrationTarget"]);
            Assert.StartsWith("https://eu-west-1.shop.securecart.example/api/", (string)i.Inputs["uri"], StringComparison.Ordinal);
        });

        var acl = run.Single("aws:wafv2/webAcl:WebAcl", "api-waf").Inputs;
        Assert.Equal(("REGIONAL", plan.WebAcl.Name), ((string)acl["scope"], (string)acl["name"]));
        var association = run.Single("aws:wafv2/webAclAssociation:WebAclAssociation", "api-waf-association").Inputs;
        Assert.Equal("arn:aws:mock:::aws:apigateway/stage:Stage/api-stage", association["resourceArn"]);

        var partners = run.Single("aws:apigateway/usagePlan:UsagePlan", "api-usage-partners").Inputs;
        var throttle = (IDictionary<string, object>)partners["throttleSettings"];
        Assert.Equal((double)plan.UsagePlans.Single(u => u.LogicalName == "partners").RateLimit, Convert.ToDouble(throttle["rateLimit"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("DAY", ((IDictionary<string, object>)partners["quotaSettings"])["period"]);
        var key = run.Single("aws:apigateway/usagePlanKey:UsagePlanKey", "api-key-mobile-plan").Inputs;
        Assert.Equal("api-usage-mobile-id", key["usagePlanId"]);
    }
}
