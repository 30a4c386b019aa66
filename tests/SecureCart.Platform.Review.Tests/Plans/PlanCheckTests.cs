using System.Text;
using System.Text.Json.Nodes;
using SecureCart.Platform.Review.Plans;
using SecureCart.Platform.Review.Preview;

namespace SecureCart.Platform.Review.Tests.Plans;

public sealed class PlanCheckTests
{
    private static JsonNode Plan() => JsonNode.Parse(File.ReadAllText(Fixture.Path("plans/sg-replace.plan.json")))!;

    private static ReviewResult Review(JsonNode plan) => Fixture.Review("pulumi-cli/preview-aws-sg-replace.json", new ReviewOptions
    {
        Plan = PlanReader.Read(Encoding.UTF8.GetBytes(plan.ToJsonString()), "plan.json"),
    });

    private static JsonNode Entry(JsonNode plan, string name) =>
        plan["resourcePlans"]!.AsObject().First(p => p.Key.EndsWith("::" + name, StringComparison.Ordinal)).Value!;

    [Fact]
    public void Plan_FromTheSamePreview_MatchesTheReviewedSteps()
    {
        var result = Review(Plan());

        Assert.True(result.PlanMatches);
        Assert.DoesNotContain(result.Findings, f => f.Rule.Id == "SC015");
    }

    [Fact]
    public void Plan_WithAnExtraDeleteAndOtherInputs_SaysWhatDiffersByResource()
    {
        var plan = Plan();
        plan["resourcePlans"]!["urn:pulumi:test-b5f8ac54::aws-tags-and-sets::aws:s3/bucket:Bucket::stray"] = new JsonObject { ["steps"] = new JsonArray("delete") };
        var sg = Entry(plan, "test-sg");
        sg["goal"]!["inputDiff"]!["updates"]!["description"] = "another description";
        sg["goal"]!["protect"] = true;

        var result = Review(plan);

        Assert.False(result.PlanMatches);
        var findings = result.Findings.Where(f => f.Rule.Id == "SC015").ToList();
        Assert.Contains(findings, f => f.Name == "stray" && f.Detail.Contains("[delete]", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Name == "test-sg" && f.Detail.Contains("`description`", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Name == "test-sg" && f.Detail.Contains("protect", StringComparison.Ordinal));
    }

    [Fact]
    public void Plan_ThatUpdatesWhatTheReviewReplaces_IsAMismatch()
    {
        var plan = Plan();
        Entry(plan, "test-sg")["steps"] = new JsonArray("update");

        var result = Review(plan);

        Assert.False(result.PlanMatches);
        Assert.Contains(result.Findings, f => f.Rule.Id == "SC015" && f.Name == "test-sg");
    }

    [Fact]
    public void PlanReader_Preview_IsNotAPlan()
    {
        var error = Assert.Throws<PreviewFormatException>(() => PlanReader.ReadFile(Fixture.Path("pulumi-cli/preview-aws-sg-replace.json")));

        Assert.Contains("--save-plan", error.Message, StringComparison.Ordinal);
    }
}
