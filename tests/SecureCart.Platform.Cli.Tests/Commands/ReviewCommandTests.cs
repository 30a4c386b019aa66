using System.Text;
using System.Text.Json;

namespace SecureCart.Platform.Cli.Tests.Commands;

public sealed class ReviewCommandTests
{
    internal static string Fixture(string relative) =>
        Path.Combine(CliRunner.RepositoryRoot, "tests", "SecureCart.Platform.Review.Tests", "Fixtures", relative);

    [Fact]
    public async Task Review_CleanRealPreview_ExitsZeroWithCountsAndDigest()
    {
        var (code, output, error) = await CliRunner.RunAsync("review", Fixture("pulumi-cli/preview-aws-sg-replace.json"));

        Assert.Equal(0, code);
        Assert.Equal("", error);
        Assert.Contains("3 to update, 1 to replace", output);
        Assert.Contains("Digest: sha256:", output);
    }

    [Fact]
    public async Task Review_FindingAtOrAboveFailOn_ExitsOne()
    {
        var (high, _, _) = await CliRunner.RunAsync("review", Fixture("risk/SC006-open-ingress.json"));
        var (critical, _, _) = await CliRunner.RunAsync("review", Fixture("risk/SC006-open-ingress.json"), "--fail-on", "critical");
        var (medium, _, _) = await CliRunner.RunAsync("review", Fixture("risk/SC009-traffic-shift.json"), "--fail-on", "medium");
        var (none, _, _) = await CliRunner.RunAsync("review", Fixture("risk/SC001-stateful-replace.json"), "--fail-on", "none");

        Assert.Equal(1, high);
        Assert.Equal(0, critical);
        Assert.Equal(1, medium);
        Assert.Equal(0, none);
    }

    [Fact]
    public async Task Review_FailedPreview_ExitsOneAndSaysFailed()
    {
        var (code, output, _) = await CliRunner.RunAsync("review", Fixture("risk/SC012-preview-failed.json"));

        Assert.Equal(1, code);
        Assert.Contains("PREVIEW FAILED", output);
    }

    [Theory]
    [InlineData("malformed/truncated.json", "not valid JSON")]
    [InlineData("malformed/wrong-type-op.json", "must be a string, not a number")]
    [InlineData("malformed/steps-not-array.json", "`steps` must be an array")]
    [InlineData("malformed/bad-urn.json", "is not a Pulumi URN")]
    [InlineData("malformed/not-json.json", "not valid JSON")]
    [InlineData("malformed/empty.json", "the input is empty")]
    [InlineData("malformed/export-version-2.json", "version 2 is not supported")]
    [InlineData("malformed/invalid-utf8-name.json", "invalid UTF-8")]
    [InlineData("malformed/invalid-utf8-value.json", "invalid UTF-8")]
    [InlineData("malformed/not-preview-empty-object.json", "empty")]
    [InlineData("malformed/not-preview-foo.json", "`foo`")]
    [InlineData("malformed/not-preview-config-only.json", "not `pulumi preview --json` output")]
    [InlineData("malformed/not-preview-export-without-deployment.json", "no `deployment`")]
    [InlineData("malformed/not-preview-package-json.json", "`name`")]
    [InlineData("plans/sg-replace.plan.json", "--save-plan")]
    public async Task Review_MalformedInput_ExitsTwoNamingFileAndLine(string fixture, string problem)
    {
        var (code, output, error) = await CliRunner.RunAsync("review", Fixture(fixture));

        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Contains(Fixture(fixture) + ": line ", error);
        Assert.Contains(problem, error);
    }

    [Fact]
    public async Task Review_UnknownOperation_IsReportedNotFatal()
    {
        var (code, output, _) = await CliRunner.RunAsync("review", Fixture("risk/SC000-unknown-op.json"), "--format", "json");

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        Assert.Equal("teleport", json.RootElement.GetProperty("stacks")[0].GetProperty("unknownOperations")[0].GetString());
    }

    [Fact]
    public async Task Review_HugeString_ExitsTwoNotOutOfMemory()
    {
        var file = Path.Combine(Path.GetTempPath(), $"securecart-huge-{Guid.NewGuid():N}.json");
        try
        {
            await using (var writer = new StreamWriter(file, false, new UTF8Encoding(false)))
            {
                await writer.WriteAsync("""{"steps":[{"op":"create","urn":"urn:pulumi:s::p::aws:ec2/instance:Instance::n","newState":{"urn":"urn:pulumi:s::p::aws:ec2/instance:Instance::n","type":"aws:ec2/instance:Instance","inputs":{"userData":" """);
                var chunk = new string('x', 1024 * 1024);
                for (var i = 0; i < 70; i++)
                {
                    await writer.WriteAsync(chunk);
                }

                await writer.WriteAsync("\"}}}]}");
            }

            var (code, _, error) = await CliRunner.RunAsync("review", file);

            Assert.Equal(2, code);
            Assert.Contains("larger than 64 MiB", error);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData("json")]
    [InlineData("sarif")]
    public async Task Review_MachineFormatsToOutputFile_WriteValidJson(string format)
    {
        var file = Path.Combine(Path.GetTempPath(), $"securecart-review-{Guid.NewGuid():N}.{format}");
        try
        {
            var (code, output, _) = await CliRunner.RunAsync(
                "review", Fixture("risk/SC007-iam-wildcard-action.json"), Fixture("pulumi-cli/events-aws-ec2-replace.json"),
                "--format", format, "--output", file, "--fail-on", "none");

            Assert.Equal(0, code);
            Assert.Contains("wrote ", output);
            using var json = JsonDocument.Parse(await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken));
            var text = json.RootElement.GetRawText();
            Assert.Contains("SC007", text);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Review_WithState_AddsTheBlastRadius()
    {
        var (code, output, _) = await CliRunner.RunAsync(
            "review", Fixture("risk/SC001-kms-key-delete.json"), "--state", Fixture("pulumi-cli/export-aws-kms-lambda-ssm-state.json"), "--format", "markdown");

        Assert.Equal(1, code);
        Assert.Contains("blast radius: 4 dependent(s)", output);
    }

    [Fact]
    public async Task Review_InvalidUtf8_IsOneLineWithFileAndByte()
    {
        var (code, _, error) = await CliRunner.RunAsync("review", Fixture("malformed/invalid-utf8-name.json"));

        Assert.Equal(2, code);
        Assert.Single(error.TrimEnd().Split('\n'));
        Assert.Contains("byte 10795", error);
    }

    [Fact]
    public async Task Review_FailedPreviewWithFailOnNone_StillExitsOne()
    {
        var (code, _, _) = await CliRunner.RunAsync("review", Fixture("risk/SC012-preview-failed.json"), "--fail-on", "none");

        Assert.Equal(1, code);
    }

    [Fact]
    public async Task Review_WithThePlanOfTheSamePreview_ExitsZero_AndWithAnotherPlanExitsOne()
    {
        var other = Path.Combine(Path.GetTempPath(), $"plan-{Guid.NewGuid():N}.json");
        File.WriteAllText(other, File.ReadAllText(Fixture("plans/sg-replace.plan.json")).Replace("\"update\"", "\"replace\"", StringComparison.Ordinal));

        var (same, sameOutput, _) = await CliRunner.RunAsync("review", Fixture("pulumi-cli/preview-aws-sg-replace.json"), "--plan", Fixture("plans/sg-replace.plan.json"), "--format", "json", "--fail-on", "none");
        var (differs, output, _) = await CliRunner.RunAsync("review", Fixture("pulumi-cli/preview-aws-sg-replace.json"), "--plan", other, "--fail-on", "none");

        Assert.Equal(0, same);
        Assert.Contains("\"planMatches\": true", sameOutput);
        Assert.Equal(1, differs);
        Assert.Contains("SC015", output);
    }

    [Fact]
    public async Task Review_MarkdownOfAHugeChange_FitsACommentAndWritesTheFullReportBeside()
    {
        var preview = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Fixture("pulumi-cli/preview-aws-sg-replace.json")))!;
        var steps = preview["steps"]!.AsArray();
        var update = steps.First(s => (string)s!["op"]! == "update")!;
        for (var i = 0; i < 2_000; i++)
        {
            var copy = update.DeepClone();
            copy["urn"] = update["urn"]!.ToString() + "-" + i;
            steps.Add(copy);
        }

        preview["changeSummary"] = null;
        var directory = Path.Combine(Path.GetTempPath(), $"review-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        var input = Path.Combine(directory, "big.json");
        File.WriteAllText(input, preview.ToJsonString());
        var comment = Path.Combine(directory, "comment.md");

        var (code, _, error) = await CliRunner.RunAsync("review", input, "--format", "markdown", "--output", comment, "--fail-on", "none");

        Assert.Equal(0, code);
        Assert.Equal("", error);
        var text = File.ReadAllText(comment);
        Assert.InRange(text.Length, 10_000, 65_536);
        Assert.Contains("did not fit in a comment", text);
        Assert.Contains("Digest: `sha256:", text);
        Assert.Contains("test-sg", text);
        var full = File.ReadAllText(Path.Combine(directory, "comment.full.md"));
        Assert.True(full.Length > 65_536);
    }
}
