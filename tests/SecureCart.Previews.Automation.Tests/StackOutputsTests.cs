using System.Text.Json.Nodes;
using SecureCart.Previews.Automation.Tests.Support;

namespace SecureCart.Previews.Automation.Tests;

public sealed class StackOutputsTests
{
    [Fact]
    public async Task Up_MapListAndNumberOutputs_AreStoredAsJsonAndSecretsLeftOut()
    {
        using var fake = new FakePulumi();
        using var replica = new Replica(fake);
        fake.Write("outputs.json", """{"services":{"storefront":"pv-a-storefront","cart":"pv-a-cart"},"queues":["q-orders","q-dlq"],"count":3,"ready":true,"databasePassword":"s3cret"}""");
        fake.Write("secret-outputs", "databasePassword");

        var result = await replica.Engine.UpAsync(Replica.Request("pv-a"), new RecordingSink(), TestContext.Current.CancellationToken);

        Assert.Equal("pv-a-storefront", (string?)JsonNode.Parse(result.Outputs["services"])!["storefront"]);
        Assert.Equal("pv-a-cart", (string?)JsonNode.Parse(result.Outputs["services"])!["cart"]);
        Assert.Equal(["q-orders", "q-dlq"], JsonNode.Parse(result.Outputs["queues"])!.AsArray().Select(q => (string)q!));
        Assert.Equal("3", result.Outputs["count"]);
        Assert.Equal("true", result.Outputs["ready"]);
        Assert.Equal("https://preview-shop-pv-a.example", result.Outputs["url"]);
        Assert.DoesNotContain("databasePassword", result.Outputs.Keys);
        Assert.DoesNotContain(result.Outputs.Values, v => v.Contains("System.Collections", StringComparison.Ordinal));
    }
}
