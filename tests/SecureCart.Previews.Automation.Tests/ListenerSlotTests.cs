using SecureCart.Platform.Plan.Previews;
using SecureCart.Previews.Automation.Tests.Support;

namespace SecureCart.Previews.Automation.Tests;

public sealed class ListenerSlotTests
{
    [Fact]
    public async Task Up_ConcurrentCreatesOnTwoReplicas_GetPairwiseDistinctPriorities()
    {
        using var fake = new FakePulumi();
        using var first = new Replica(fake);
        using var second = new Replica(fake);
        var (a, b) = TwoNamesStartingOnTheSameSlot();
        var names = new[] { a, b }.Concat(Enumerable.Range(0, 10).Select(i => $"pr-{i}")).ToList();

        var ups = names.Select((name, i) => (i % 2 == 0 ? first : second).Engine.UpAsync(Replica.Request(name), new RecordingSink(), TestContext.Current.CancellationToken));
        var results = await Task.WhenAll(ups);

        var rules = fake.ListenerRules();
        Assert.Equal(names.Count, results.Length);
        Assert.Equal(names.Select(n => $"preview-shop-{n}").Order(StringComparer.Ordinal), rules.Values.Distinct().Order(StringComparer.Ordinal));
        Assert.All(rules.Values.GroupBy(stack => stack), owned => Assert.Equal(5, owned.Count()));
        Assert.All(rules.Keys, p => Assert.InRange(p, ListenerPriorities.FirstPriority, ListenerPriorities.MaxPriority));
        var slots = results.Select(r => int.Parse(r.Outputs["listenerSlot"])).ToList();
        Assert.Equal(slots.Count, slots.Distinct().Count());
    }

    [Fact]
    public async Task Up_NameWhoseFirstSlotIsTaken_MovesToTheNextSlotOfItsProbeOrder()
    {
        using var fake = new FakePulumi();
        using var replica = new Replica(fake);
        var (a, b) = TwoNamesStartingOnTheSameSlot();

        await replica.Engine.UpAsync(Replica.Request(a), new RecordingSink(), TestContext.Current.CancellationToken);
        var sink = new RecordingSink();
        var result = await replica.Engine.UpAsync(Replica.Request(b), sink, TestContext.Current.CancellationToken);

        Assert.Equal(ListenerPriorities.ProbeOrder(b).ElementAt(1), int.Parse(result.Outputs["listenerSlot"]));
        Assert.Contains(sink.Events, e => e.Type == "listener" && e.Message.Contains($"slot {ListenerPriorities.ProbeOrder(b).First()}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Up_AgainOnAnExistingEnvironment_KeepsItsSlotAndPriorities()
    {
        using var fake = new FakePulumi();
        using var replica = new Replica(fake);
        var (a, b) = TwoNamesStartingOnTheSameSlot();
        await replica.Engine.UpAsync(Replica.Request(a), new RecordingSink(), TestContext.Current.CancellationToken);
        await replica.Engine.UpAsync(Replica.Request(b), new RecordingSink(), TestContext.Current.CancellationToken);
        var before = fake.ListenerRules().Where(r => r.Value == $"preview-shop-{b}").Select(r => r.Key).Order().ToList();

        // Even with its first-choice slot free again, an existing environment stays where it is.
        await replica.Engine.DestroyAsync(Replica.Request(a), new RecordingSink(), TestContext.Current.CancellationToken);
        var again = await replica.Engine.UpAsync(Replica.Request(b), new RecordingSink(), TestContext.Current.CancellationToken);

        Assert.Equal(before, fake.ListenerRules().Where(r => r.Value == $"preview-shop-{b}").Select(r => r.Key).Order());
        Assert.Equal(ListenerPriorities.ProbeOrder(b).ElementAt(1), int.Parse(again.Outputs["listenerSlot"]));
    }

    /// <summary>Two valid environment names that hash to the same first slot, found by search, not hard-coded.</summary>
    private static (string First, string Second) TwoNamesStartingOnTheSameSlot()
    {
        var seen = new Dictionary<int, string>();
        for (var i = 0; ; i++)
        {
            var name = $"env-{i}";
            var slot = ListenerPriorities.ProbeOrder(name).First();
            if (seen.TryGetValue(slot, out var other))
            {
                return (other, name);
            }

            seen[slot] = name;
        }
    }
}
