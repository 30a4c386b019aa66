using SecureCart.Previews.Automation.Tests.Support;

namespace SecureCart.Previews.Automation.Tests;

public sealed class SecretsProviderTests
{
    private const string Kms = "awskms://alias/securecart-previews";

    [Fact]
    public async Task Operations_WithAwsKms_CarryTheProviderIntoEveryCommandOfEveryOperation()
    {
        using var fake = new FakePulumi();
        using var replica = new Replica(fake, o => o.SecretsProvider = Kms);
        var request = Replica.Request("pv-a");
        var sink = new RecordingSink();

        await replica.Engine.UpAsync(request, sink, TestContext.Current.CancellationToken);
        await replica.Engine.UpAsync(request with { OperationId = Guid.NewGuid() }, sink, TestContext.Current.CancellationToken);
        var destroyed = await replica.Engine.DestroyAsync(request with { OperationId = Guid.NewGuid() }, sink, TestContext.Current.CancellationToken);

        var init = Assert.Single(fake.Calls("stack init"));
        Assert.Contains(Kms, init["args"]!.AsArray().Select(a => (string)a!));
        var onStack = fake.Calls().Where(c => (string?)c["stack"] == request.StackName).ToList();
        Assert.Equal(2, onStack.Count(c => FakePulumi.Command(c) == "up"));
        Assert.Single(onStack, c => FakePulumi.Command(c) == "destroy");
        Assert.All(onStack, c => Assert.Contains($"secretsprovider: {Kms}", (string?)c["stackFile"] ?? "", StringComparison.Ordinal));
        Assert.All(onStack, c => Assert.False((bool)c["passphrase"]!));
        Assert.Contains("removed", destroyed.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Operations_WithoutAProvider_WriteNoStackSettingsOfTheirOwn()
    {
        using var fake = new FakePulumi();
        using var replica = new Replica(fake);
        var request = Replica.Request("pv-a");

        await replica.Engine.UpAsync(request, new RecordingSink(), TestContext.Current.CancellationToken);

        Assert.DoesNotContain("--secrets-provider", Assert.Single(fake.Calls("stack init"))["args"]!.AsArray().Select(a => (string)a!));
        Assert.All(fake.Calls("up"), c => Assert.Null((string?)c["stackFile"]));
    }
}
