using SecureCart.Platform.Plan.Compute;
using SecureCart.Platform.Plan.Cost;
using SecureCart.Platform.Plan.Previews;

namespace SecureCart.Platform.Plan.Tests.Previews;

public sealed class PreviewPlannerTests
{
    private static readonly PreviewBase s_base = new("preview-base", "eu-west-1", "shop.securecart.example", CpuArchitecture.Arm64);

    [Fact]
    public void Plan_Small_OneSpotTaskPerServiceAndItsOwnHost()
    {
        var plan = Assert.IsType<PreviewPlanResult.Planned>(PreviewPlanner.Plan("pr-123", "checkout-team", PreviewSize.Small, "sha-abc123", s_base, PriceBook.Default)).Plan;

        Assert.Equal("pr-123.preview.shop.securecart.example", plan.HostName);
        Assert.Equal("preview-checkout-team-pr-123", plan.StackName);
        Assert.Matches("^pv_pr_123_[0-9a-f]{10}$", plan.DatabaseName);
        Assert.Equal("securecart/previews/checkout-team/pr-123/database", plan.Database.SecretName);
        Assert.All(plan.Services, s => Assert.Equal((1, "FARGATE_SPOT", 256), (s.DesiredCount, s.CapacityProvider, s.Cpu)));
        // Fargate Spot places X86_64 tasks only, whatever the base stack's architecture.
        Assert.All(plan.Services, s => Assert.Equal("X86_64", s.RuntimeArchitecture));
        Assert.All(plan.Services, s => Assert.True(s.TargetGroupName.Length <= 32, s.TargetGroupName));
        Assert.Equal("checkout-team", plan.Tags["securecart:team"]);
        Assert.Equal(("pv-pr-123-catalog", "productId", "variantId"), (plan.Tables[2].Name, plan.Tables[2].HashKey, plan.Tables[2].RangeKey));
        Assert.Equal(3, plan.LogRetentionDays);
    }

    [Fact]
    public void Plan_LargerSize_CostsMore()
    {
        decimal Hourly(PreviewSize size) =>
            ((PreviewPlanResult.Planned)PreviewPlanner.Plan("pr-1", "dev", size, "v1", s_base, PriceBook.Default)).Plan.Cost.HourlyUsd;

        Assert.True(Hourly(PreviewSize.Small) > 0);
        Assert.True(Hourly(PreviewSize.Medium) > Hourly(PreviewSize.Small));
        Assert.True(Hourly(PreviewSize.Large) > Hourly(PreviewSize.Medium));
    }

    [Theory]
    [InlineData("PR-1", "dev", "v1", "name 'PR-1'")]
    [InlineData("a-very-long-preview-name", "dev", "v1", "1 to 16")]
    [InlineData("-pr", "dev", "v1", "name '-pr'")]
    [InlineData("pr-1", "Dev Team", "v1", "team 'Dev Team'")]
    [InlineData("pr-1", "dev", "feature/x", "image tag")]
    public void Plan_BadInput_RejectedWithReason(string name, string team, string tag, string expected)
    {
        var rejected = Assert.IsType<PreviewPlanResult.Rejected>(PreviewPlanner.Plan(name, team, PreviewSize.Small, tag, s_base, PriceBook.Default));

        Assert.Contains(rejected.Reasons, r => r.Contains(expected));
    }
}
