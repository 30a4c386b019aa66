using SecureCart.Platform.Plan.Ingress;

namespace SecureCart.Platform.Plan.Tests.Ingress;

public sealed class GatewayPlanTests
{
    [Fact]
    public void Plan_Gateway_IsARestApiWithARegionalWebAclOfTheCloudFrontRules()
    {
        var plan = PlanFixtures.Plan("prod-eu");
        var api = plan.Ingress.Api;

        Assert.Equal(ApiGatewayPlan.RestApi, api.Kind);
        Assert.Equal(("REGIONAL", "eu-west-1"), (api.WebAcl.Scope, api.WebAcl.Region));
        Assert.StartsWith("aws-waf-logs-", api.WebAcl.LogGroupName, StringComparison.Ordinal);
        Assert.Equal(["ip-reputation", "rate-per-ip", "core-rule-set", "known-bad-inputs"], api.WebAcl.Rules.Select(r => r.Name));
        Assert.Equal("v1", api.StageName);
    }

    [Fact]
    public void Plan_UsagePlans_GiveTheAppTheStageRateAndEachPartnerATenthWithADailyQuota()
    {
        var stack = PlanFixtures.Settings("prod-us");
        var api = PlanFixtures.Plan("prod-us").Ingress.Api;

        var mobile = api.UsagePlans.Single(u => u.LogicalName == api.MobileUsagePlan);
        var partners = api.UsagePlans.Single(u => u.LogicalName == "partners");
        Assert.Equal((stack.Api.RateLimit, stack.Api.BurstLimit, (int?)null), (mobile.RateLimit, mobile.BurstLimit, mobile.QuotaPerDay));
        Assert.Equal((stack.Api.RateLimit / 10, stack.Api.BurstLimit / 10), (partners.RateLimit, partners.BurstLimit));
        Assert.NotNull(partners.QuotaPerDay);
    }

    [Theory]
    [InlineData("POST /api/checkout/{proxy+}", "api/checkout/{proxy+}/POST")]
    [InlineData("ANY /api/{proxy+}", "api/{proxy+}/*")]
    public void MethodPath_RouteKey_IsTheRestMethodSettingsPath(string routeKey, string path) =>
        Assert.Equal(path, ApiGatewayPlan.MethodPath(routeKey));
}
