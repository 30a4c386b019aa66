using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SecureCart.Platform.Review.Digest;
using SecureCart.Platform.Review.Preview;

namespace SecureCart.Platform.Review.Tests.Digest;

public sealed class ReviewDigestTests
{
    private static string DigestOf(string json) =>
        new ChangeReviewer().Review(new MemoryStream(Encoding.UTF8.GetBytes(json)), "preview.json").Digest ?? throw new InvalidOperationException("no digest");

    private static JsonNode Preview() => JsonNode.Parse(File.ReadAllText(Fixture.Path("pulumi-cli/preview-aws-sg-replace.json")))!;

    [Fact]
    public void Digest_ReindentedUtf16AndWithoutSames_StaysTheSame()
    {
        var original = Fixture.Review("pulumi-cli/preview-aws-sg-replace.json").Digest;
        var node = Preview();
        var minified = node.ToJsonString();
        var steps = node["steps"]!.AsArray();
        steps.RemoveAt(0);
        var withoutSames = node.ToJsonString();
        var utf16 = new ChangeReviewer().Review(new MemoryStream([.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(minified)]), "ps.json").Digest;

        Assert.Matches("^sha256:[0-9a-f]{64}$", original);
        Assert.Equal(original, DigestOf(minified));
        Assert.Equal(original, DigestOf(withoutSames));
        Assert.Equal(original, utf16);
    }

    [Fact]
    public void Digest_StepsAddedFromTwoThreadsAtOnce_SameAsFromOne()
    {
        var steps = new List<PreviewStep>();
        new PreviewReader(new PreviewReaderOptions { KeepValues = true }).ReadFile(Fixture.Path("pulumi-cli/preview-aws-sg-replace.json"), steps.Add);
        using var one = new ReviewDigest();
        steps.ForEach(one.Add);
        using var two = new ReviewDigest();
        using var start = new Barrier(2);

        // Each thread adds every other step, many times over, so the two threads' adds overlap.
        var threads = Enumerable.Range(0, 2).Select(t => new Thread(() =>
        {
            start.SignalAndWait();
            for (var round = 0; round < 200; round++)
            {
                for (var i = t; i < steps.Count; i += 2)
                {
                    two.Add(steps[i]);
                }
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        using var repeated = new ReviewDigest();
        for (var round = 0; round < 200; round++)
        {
            steps.ForEach(repeated.Add);
        }

        Assert.True(steps.Count >= 2);
        Assert.Equal(repeated.Steps, two.Steps);
        Assert.Equal(repeated.Finish(), two.Finish());
        Assert.NotEqual(one.Finish(), two.Finish());
    }

    [Fact]
    public void Digest_StepsInAnotherOrder_StaysTheSame()
    {
        var node = Preview();
        var steps = node["steps"]!.AsArray();
        var reversed = new JsonArray([.. steps.Reverse().Select(s => s!.DeepClone())]);
        node["steps"] = reversed;

        Assert.Equal(Fixture.Review("pulumi-cli/preview-aws-sg-replace.json").Digest, DigestOf(node.ToJsonString()));
    }

    [Fact]
    public void Digest_OneInputChanged_Differs()
    {
        var node = Preview();
        node["steps"]![3]!["newState"]!["inputs"]!["description"] = "something else";

        Assert.NotEqual(Fixture.Review("pulumi-cli/preview-aws-sg-replace.json").Digest, DigestOf(node.ToJsonString(new JsonSerializerOptions { WriteIndented = true })));
    }

    [Theory]
    [InlineData("pulumi-cli/preview-aws-sg-replace.json", "sha256:dddc7014148e7c67948aed78a2ae2b2d7ba639f3fb39501bebb36ee237a96b30")]
    [InlineData("ops/every-operation.json", "sha256:c1d4e961fb90f5a2fc303988bc7ce7ca437ffa5df108200aba7504231824adaf")]
    public void Digest_OfAFixture_IsTheOneApprovedBefore(string fixture, string approved)
    {
        // An approval holds a digest: the same preview must give the same one from one release to the next.
        Assert.Equal(approved, Fixture.Review(fixture).Digest);
    }

    [Theory]
    [InlineData("\\u0041ge", "Zed")]
    [InlineData("\\u00e9t\\u00e9", "ete")]
    [InlineData("z\\uD83D\\uDE00", "z\\uE000")]
    [InlineData("b", "a")]
    public void Digest_InputKeysInAnotherOrderOrEscaped_StaysTheSame(string first, string second)
    {
        // Keys beyond ASCII, or escaped, are ordered as the strings they stand for (ordinal UTF-16).
        string Steps(string inputs) =>
            $$$"""{"steps": [{"op": "create", "urn": "urn:pulumi:prod::sc::aws:sqs/queue:Queue::q", "newState": {"urn": "urn:pulumi:prod::sc::aws:sqs/queue:Queue::q", "type": "aws:sqs/queue:Queue", "inputs": {{{inputs}}}}}]}""";
        var unescaped = JsonNode.Parse($$$"""{"{{{first}}}": 1, "{{{second}}}": 2, "m": {"{{{second}}}": 3, "{{{first}}}": 4}}""")!.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

        var forward = DigestOf(Steps($$$"""{"{{{first}}}": 1, "{{{second}}}": 2, "m": {"{{{second}}}": 3, "{{{first}}}": 4}}"""));
        var backward = DigestOf(Steps($$$"""{"m": {"{{{first}}}": 4, "{{{second}}}": 3}, "{{{second}}}": 2, "{{{first}}}": 1}"""));
        var plain = DigestOf(Steps(unescaped));
        var other = DigestOf(Steps($$$"""{"{{{first}}}": 2, "{{{second}}}": 1, "m": {"{{{second}}}": 3, "{{{first}}}": 4}}"""));

        Assert.Equal(forward, backward);
        Assert.Equal(forward, plain);
        Assert.NotEqual(forward, other);
    }
    [Fact]
    public void Digest_DetailedDiffInAnotherOrderOrWithAPathGivenTwice_IsTheDiffALookupByPathFinds()
    {
        string Step(string diff) =>
            $$$"""{"steps": [{"op": "update", "urn": "urn:pulumi:prod::sc::aws:sqs/queue:Queue::q", "detailedDiff": {{{diff}}}}]}""";

        var sorted = DigestOf(Step("""{"acl": {"kind": "delete"}, "tags": {"kind": "update", "inputDiff": true}}"""));
        var reversed = DigestOf(Step("""{"tags": {"kind": "update", "inputDiff": true}, "acl": {"kind": "delete"}}"""));
        var twice = DigestOf(Step("""{"tags": {"kind": "add"}, "acl": {"kind": "delete"}, "tags": {"kind": "update", "inputDiff": true}}"""));
        var other = DigestOf(Step("""{"acl": {"kind": "delete"}, "tags": {"kind": "add"}}"""));

        Assert.Equal(sorted, reversed);
        Assert.Equal(sorted, twice);
        Assert.NotEqual(sorted, other);
    }
}
