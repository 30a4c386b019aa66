using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

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
}
