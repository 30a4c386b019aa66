using SecureCart.Previews.Automation.Tests.Support;
using SecureCart.Previews.Engine;

namespace SecureCart.Previews.Automation.Tests;

/// <summary>The orphan sweep's view of the backend: `pulumi stack ls --json` through the Automation API, and destroy by name.</summary>
public sealed class StackInventoryTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task List_StacksTheEnginesCreated_ShortNamesSorted(bool cloud)
    {
        using var fake = new FakePulumi();
        if (cloud)
        {
            fake.Set("cloud");
        }

        using var replica = new Replica(fake);
        var inventory = (IStackInventory)replica.Engine;
        var token = TestContext.Current.CancellationToken;
        Assert.Empty(await inventory.ListStacksAsync(token));

        await replica.Engine.UpAsync(Replica.Request("pv-b"), new RecordingSink(), token);
        await replica.Engine.UpAsync(Replica.Request("pv-a"), new RecordingSink(), token);

        Assert.Equal(["preview-shop-pv-a", "preview-shop-pv-b"], await inventory.ListStacksAsync(token));
        var calls = fake.Calls("stack ls");
        Assert.Equal(2, calls.Count);
        Assert.All(calls, ls => Assert.Contains("--json", ls["args"]!.AsArray().Select(a => (string)a!)));
    }

    [Fact]
    public async Task DestroyStack_ByName_ResourcesDestroyedThenStackRemovedAndAGoneStackIsNothingToDo()
    {
        using var fake = new FakePulumi();
        using var replica = new Replica(fake);
        var inventory = (IStackInventory)replica.Engine;
        var token = TestContext.Current.CancellationToken;
        await replica.Engine.UpAsync(Replica.Request("pv-orphan"), new RecordingSink(), token);
        await replica.Engine.UpAsync(Replica.Request("pv-live"), new RecordingSink(), token);

        var outcome = await inventory.DestroyStackAsync("preview-shop-pv-orphan", token);
        var again = await inventory.DestroyStackAsync("preview-shop-pv-orphan", token);

        Assert.Equal("destroy Succeeded; stack preview-shop-pv-orphan removed", outcome);
        Assert.Equal("stack preview-shop-pv-orphan not found; nothing to destroy", again);
        Assert.Equal(["preview-shop-pv-live"], await inventory.ListStacksAsync(token));
        Assert.Single(fake.Calls("destroy"));
        Assert.Single(fake.Calls("stack rm"));
    }
}
