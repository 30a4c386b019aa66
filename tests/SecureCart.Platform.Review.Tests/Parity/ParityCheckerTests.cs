using SecureCart.Platform.Review.Export;
using SecureCart.Platform.Review.Parity;

namespace SecureCart.Platform.Review.Tests.Parity;

public sealed class ParityCheckerTests
{
    private static StackState Load(string fixture) => StackState.Read(Fixture.Path(fixture));

    [Fact]
    public void Compare_SameStackInAnotherRegionAccountAndIds_IsIdentical()
    {
        var report = new ParityChecker(ParityAllowances.FromPlan(null)).Compare(Load("pulumi-cli/export-aws-sg-state.json"), Load("parity/sg-state-eu.json"));

        Assert.True(report.Identical, string.Join("\n", report.Drift.Select(d => $"{d.Name} {d.Path}: {d.Left} / {d.Right}")));
        Assert.Equal(6, report.Compared);
    }

    [Fact]
    public void Compare_DriftedStack_ListsEveryDifferenceAndAllowsOnlyThePlansHomeOnlyNames()
    {
        var report = new ParityChecker(ParityAllowances.FromPlan(null)).Compare(Load("pulumi-cli/export-aws-sg-state.json"), Load("parity/sg-state-eu-drifted.json"));

        Assert.False(report.Identical);
        var drift = report.Drift.ToList();
        Assert.Contains(drift, d => d.Name == "test-sg" && d.Path == "ingress[1].fromPort" && d.Left == "8080" && d.Right == "9090");
        Assert.Contains(drift, d => d.Name == "eu-only-queue" && d.Path is null && d.Left == "absent");
        var allowed = Assert.Single(report.Allowed);
        Assert.Equal("accelerator", allowed.Name);
    }

    [Fact]
    public void Compare_WithoutPlanAllowances_ReportsTheHomeOnlyResourceAsDrift()
    {
        var report = new ParityChecker(ParityAllowances.None).Compare(Load("pulumi-cli/export-aws-sg-state.json"), Load("parity/sg-state-eu-drifted.json"));

        Assert.Contains(report.Drift, d => d.Name == "accelerator");
    }

    [Theory]
    [InlineData("arn:aws:ec2:us-west-2:616138583583:security-group/sg-01a3ce9f40c900a14", "arn:aws:ec2:<region>:<account>:security-group/sg-<id>")]
    [InlineData("web-secgrp-5ee4db6", "web-secgrp-<suffix>")]
    [InlineData("us-west-2b", "<region><az>")]
    [InlineData("10.1.32.0/20", "<vpc>+0.0.32.0/20")]
    [InlineData("securecart-prod-us-orders", "securecart-<stack>-orders")]
    [InlineData("checkout-service", "checkout-service")]
    public void Normalize_RegionalValues_BecomePlaceholders(string value, string expected)
    {
        var normalizer = new ValueNormalizer("prod-us", "us-west-2", "10.1.0.0/16");

        Assert.Equal(expected, normalizer.Text(value));
    }

    private static StackState Export(string stack, string region, int thirdReplicas)
    {
        var resources = new List<string>
        {
            $$"""{"urn":"urn:pulumi:{{stack}}::eks::pulumi:pulumi:Stack::eks-{{stack}}","type":"pulumi:pulumi:Stack"}""",
        };
        foreach (var (cluster, replicas, kind) in new[] { ("blue", 2, "Cluster"), ("green", 2, "ManagedNodeGroup"), ("canary", thirdReplicas, "FargateProfile") })
        {
            var component = $"urn:pulumi:{stack}::eks::eks:index:{kind}::{cluster}";
            resources.Add($$$"""{"urn":"{{{component}}}","type":"eks:index:{{{kind}}}","parent":"urn:pulumi:{{{stack}}}::eks::pulumi:pulumi:Stack::eks-{{{stack}}}"}""");
            resources.Add($$$"""{"urn":"urn:pulumi:{{{stack}}}::eks::eks:index:{{{kind}}}$pulumi:providers:kubernetes::provider","custom":true,"id":"{{{cluster}}}-{{{region}}}","type":"pulumi:providers:kubernetes","parent":"{{{component}}}","inputs":{"replicas":{{{replicas}}},"cluster":"{{{cluster}}}"}}""");
        }

        var json = $$$"""{"version":3,"deployment":{"manifest":{"time":"2025-01-01T00:00:00Z","magic":"","version":"v3.218.0"},"resources":[{{{string.Join(",", resources)}}}]}}""";
        return StackState.Read(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json)), $"{stack}.json");
    }

    [Fact]
    public void Compare_ThreeProvidersWithOneTypeAndName_AreMatchedByTheirParents()
    {
        var report = new ParityChecker(ParityAllowances.FromPlan(null)).Compare(Export("prod-us", "us-east-1", 2), Export("prod-eu", "eu-west-1", 3));

        Assert.Equal(6, report.Compared);
        var drift = Assert.Single(report.Drift);
        Assert.Equal("canary/provider", drift.Name);
        Assert.Equal(("replicas", "2", "3"), (drift.Path, drift.Left, drift.Right));
    }
}
