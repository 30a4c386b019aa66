using SecureCart.Platform.Plan.Edge;
using SecureCart.Platform.Plan.Ingress;

namespace SecureCart.Platform.Plan.Tests.Edge;

public sealed class EdgeLogicalNamesTests
{
    [Fact]
    public void HomeOnlyLogicalNames_UsHome_FromTheEdgeAndIngressPlansWithoutTheProvider()
    {
        var plan = PlanFixtures.Plan("prod-us");

        // From the edge plan, and from the ingress plan the origin header's secret and the validation records of the
        // names every stack certifies.
        Assert.Equal(
            new[]
            {
                "accelerator", "accelerator-listener", "alb-certificate-validation-2", "api-certificate-validation-1", "cache-catalog", "cloudfront",
                "cloudfront-5xx-rate", "cloudfront-certificate", "cloudfront-certificate-validation", "cloudfront-certificate-validation-1",
                "cloudfront-certificate-validation-2", "dns-apex-a", "dns-apex-aaaa", "dns-api", "dns-www-a", "dns-www-aaaa", "edge",
                "origin-verify", "origin-verify-value", "static-bucket", "static-bucket-policy", "static-bucket-public-access", "static-oac", "waf", "waf-blocked-spike", "waf-logging", "waf-logs",
                "static-bucket-versioning", "static-replica-bucket", "static-replica-bucket-policy", "static-replica-bucket-public-access",
                "static-replica-bucket-versioning", "static-replication", "static-replication-policy", "static-replication-role",
                // The audit plan's: the account's trail and its bucket, CloudFront's log bucket.
                "cloudtrail", "cloudtrail-bucket", "cloudtrail-bucket-encryption", "cloudtrail-bucket-lifecycle", "cloudtrail-bucket-ownership", "cloudtrail-bucket-policy",
                "cloudtrail-bucket-public-access", "cloudfront-logs", "cloudfront-logs-encryption", "cloudfront-logs-lifecycle", "cloudfront-logs-ownership", "cloudfront-logs-public-access",
            }.Order(StringComparer.Ordinal),
            plan.HomeOnlyLogicalNames.Order(StringComparer.Ordinal));
        Assert.Empty(PlanFixtures.Plan("prod-eu").HomeOnlyLogicalNames);
    }

    [Fact]
    public void HomeOnlyLogicalNames_HomeOutsideUsEast1_AddsTheCertificateProvider()
    {
        var plan = PlanFixtures.Plan("prod-us", s => s with { Region = "eu-central-1" });

        Assert.Equal(EdgeLogicalNames.CertificateProvider, plan.Edge!.CloudFront.CertificateProviderLogicalName);
        Assert.Contains(EdgeLogicalNames.CertificateProvider, plan.HomeOnlyLogicalNames);
        Assert.Null(PlanFixtures.Plan("prod-us").Edge!.CloudFront.CertificateProviderLogicalName);
    }

    [Fact]
    public void CertificatePlan_OneValidationRecordPerCoveredName()
    {
        var certificate = CertificatePlan.OwnedBy("alb-certificate", "shop.example", ["api.shop.example", "*.shop.example"], "prod-us");

        Assert.Equal(
            [("alb-certificate-validation-1", "shop.example"), ("alb-certificate-validation-2", "api.shop.example"), ("alb-certificate-validation-3", "*.shop.example")],
            certificate.ValidationRecords.Select(r => (r.LogicalName, r.Domain)));
        Assert.Equal("alb-certificate-validation", certificate.ValidationLogicalName);
        Assert.All(certificate.ValidationRecords, r => Assert.True(r.OwnedHere));
        Assert.Equal(5, certificate.LogicalNames.Count());
    }

    [Fact]
    public void AnyHomeStackLogicalNames_CoversEveryHomePlan()
    {
        Assert.Superset(
            PlanFixtures.Plan("prod-us", s => s with { Region = "eu-central-1" }).HomeOnlyLogicalNames.ToHashSet(StringComparer.Ordinal),
            EdgePlanner.AnyHomeStackLogicalNames.ToHashSet(StringComparer.Ordinal));
        Assert.Equal(["dns-gateway"], [PlanFixtures.Plan("prod-eu").ApiRecord.LogicalName]);
    }
}
