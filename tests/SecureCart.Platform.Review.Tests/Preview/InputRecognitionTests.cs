using SecureCart.Platform.Review.Preview;

namespace SecureCart.Platform.Review.Tests.Preview;

public sealed class InputRecognitionTests
{
    private static PreviewFormatException Rejected(string fixture) =>
        Assert.Throws<PreviewFormatException>(() => new PreviewReader().ReadFile(Fixture.Path(fixture), _ => { }));

    [Theory]
    [InlineData("malformed/not-preview-empty-object.json", "empty")]
    [InlineData("malformed/not-preview-foo.json", "`foo`")]
    [InlineData("malformed/not-preview-package-json.json", "`name`")]
    [InlineData("malformed/not-preview-config-only.json", "not `pulumi preview --json` output")]
    [InlineData("malformed/not-preview-export-without-deployment.json", "no `deployment`")]
    [InlineData("malformed/not-preview-array.json", "JSON object")]
    public void Read_JsonThatIsNoPulumiDocument_IsRejectedWithWhatWasExpected(string fixture, string says)
    {
        var error = Rejected(fixture);

        Assert.Contains(says, error.Message, StringComparison.Ordinal);
        Assert.Contains(Path.GetFileName(fixture), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_SavedPlanFile_IsRecognisedAndPointsToThePlanOption()
    {
        var error = Rejected("plans/sg-replace.plan.json");

        Assert.Contains("--save-plan", error.Message, StringComparison.Ordinal);
        Assert.Contains("--plan", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_PulumiCloudEventsDocument_ReadsTheSameStepsAsTheEventLog()
    {
        var cloud = new List<PreviewStep>();
        var lines = new List<PreviewStep>();

        var header = new PreviewReader().ReadFile(Fixture.Path("ops/cloud-events-aws-ec2-replace.json"), cloud.Add);
        new PreviewReader().ReadFile(Fixture.Path("pulumi-cli/events-aws-ec2-replace.json"), lines.Add);

        Assert.Equal(InputFormat.CloudEvents, header.Format);
        Assert.Equal(["same", "same", "create-replacement", "replace", "delete-replaced"], cloud.Select(s => s.Op));
        Assert.Equal(lines.Select(s => (s.Op, s.Urn.Value)), cloud.Select(s => (s.Op, s.Urn.Value)));
        Assert.Equal("us-west-2", header.Config["aws:region"]);
    }

    [Fact]
    public void Read_InvalidUtf8InAPropertyName_NamesTheExactByte()
    {
        var error = Rejected("malformed/invalid-utf8-name.json");

        Assert.Equal(10795, error.ByteOffset);
        Assert.Contains("invalid UTF-8", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void Read_InvalidUtf8InAValueNoRuleReads_IsStillRejected()
    {
        var error = Rejected("malformed/invalid-utf8-value.json");

        Assert.Equal(2341, error.ByteOffset);
        Assert.Contains("invalid UTF-8", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(64 * 1024 - 1)]
    public void Read_InvalidUtf8AcrossAReadBoundary_IsFoundWhereverTheReadsSplit(int split)
    {
        var bytes = File.ReadAllBytes(Fixture.Path("malformed/invalid-utf8-name.json"));

        var error = Assert.Throws<PreviewFormatException>(() => new PreviewReader().Read(new TricklingStream(bytes, split), "t.json", _ => { }));

        Assert.Equal(10795, error.ByteOffset);
    }

    [Fact]
    public void Read_ValidMultibyteTextSplitAcrossReads_IsAccepted()
    {
        var text = File.ReadAllText(Fixture.Path("pulumi-cli/preview-aws-sg-replace.json")).Replace("test-sg", "tëst-sg€𝄞", StringComparison.Ordinal);
        var bytes = System.Text.Encoding.UTF8.GetBytes(text);
        var steps = new List<PreviewStep>();

        new PreviewReader().Read(new TricklingStream(bytes, 3), "t.json", steps.Add);

        Assert.Equal(5, steps.Count);
    }

    [Fact]
    public void Read_HugeValueInAnError_IsQuotedAsAShortExcerptOnly()
    {
        var urn = "not-a-urn-" + new string('x', 46_000);
        var json = "{\"steps\": [{\"op\": \"create\", \"urn\": \"" + urn + "\"}], \"changeSummary\": {\"create\": 1}}";

        var error = Assert.Throws<PreviewFormatException>(() => new PreviewReader().Read(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json)), "big.json", _ => { }));

        Assert.True(error.Message.Length < 600, $"message is {error.Message.Length} characters");
    }

    /// <summary>Hands out at most <c>chunk</c> bytes per read, as a pipe may.</summary>
    private sealed class TricklingStream(byte[] bytes, int chunk) : MemoryStream(bytes)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, chunk));

        public override int Read(Span<byte> buffer) => base.Read(buffer[..Math.Min(buffer.Length, chunk)]);
    }
}
