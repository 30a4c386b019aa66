using SecureCart.Platform.Plan.Compute;
using SecureCart.Platform.Plan.Cost;
using SecureCart.Platform.Plan.Previews;

namespace SecureCart.Platform.Plan.Tests.Previews;

public sealed class ListenerPrioritiesTests
{
    [Fact]
    public void Assign_EverySlot_StaysInsideTheListenerRangeAboveTheBaseStackRules()
    {
        var services = Planned("feat-1").Services;

        var first = ListenerPriorities.Assign(0, services);
        var last = ListenerPriorities.Assign(ListenerPriorities.SlotCount - 1, services);

        Assert.Equal(ListenerPriorities.FirstPriority, first.Priorities.Values.Min());
        Assert.InRange(last.Priorities.Values.Max(), ListenerPriorities.FirstPriority, ListenerPriorities.MaxPriority);
        Assert.Throws<ArgumentOutOfRangeException>(() => ListenerPriorities.Assign(ListenerPriorities.SlotCount, services));
        Assert.Throws<ArgumentOutOfRangeException>(() => ListenerPriorities.Assign(-1, services));
    }

    [Fact]
    public void Assign_AllSlots_NeverShareAPriority()
    {
        var services = Planned("feat-1").Services;

        var all = Enumerable.Range(0, ListenerPriorities.SlotCount).SelectMany(slot => ListenerPriorities.Assign(slot, services).Priorities.Values).ToList();

        Assert.Equal(all.Count, all.Distinct().Count());
        Assert.Equal(ListenerPriorities.SlotCount * services.Count(s => s.PathPattern is not null), all.Count);
    }

    [Fact]
    public void Assign_RoutedServices_PutsTheCatchAllAfterEveryNarrowerPath()
    {
        var services = Planned("feat-1").Services;

        var assignment = ListenerPriorities.Assign(3, services);

        var catchAll = services.Single(s => s.PathPattern == "/*").LogicalName;
        Assert.Equal(services.Count(s => s.PathPattern is not null), assignment.Priorities.Count);
        Assert.Equal(assignment.Priorities.Values.Max(), assignment.Priorities[catchAll]);
        Assert.DoesNotContain(services.Where(s => s.PathPattern is null), s => assignment.Priorities.ContainsKey(s.LogicalName));
    }

    [Theory]
    [InlineData("feat-1")]
    [InlineData("a")]
    [InlineData("0123456789abcdef")]
    public void ProbeOrder_SameName_IsTheSameSequenceCoveringEverySlotOnce(string name)
    {
        var once = ListenerPriorities.ProbeOrder(name).ToList();
        var again = ListenerPriorities.ProbeOrder(name).ToList();

        Assert.Equal(once, again);
        Assert.Equal(ListenerPriorities.SlotCount, once.Distinct().Count());
        Assert.All(once, slot => Assert.InRange(slot, 0, ListenerPriorities.SlotCount - 1));
    }

    [Fact]
    public void ProbeOrder_ManyNames_StartSpreadAcrossTheSlots()
    {
        var starts = Enumerable.Range(0, 200).Select(i => ListenerPriorities.ProbeOrder($"env-{i}").First()).ToList();

        // 200 names into 4,900 slots: a uniform hash collides about 4 times (birthday bound 200·199/2/4,900).
        Assert.True(starts.Distinct().Count() >= 190, $"only {starts.Distinct().Count()} distinct first slots for 200 names");
    }

    private static PreviewEnvironmentPlan Planned(string name) => ((PreviewPlanResult.Planned)PreviewPlanner.Plan(name, "shop", PreviewSize.Small, "abc123",
        new PreviewBase("preview-base", "us-east-1", "shop.securecart.example", CpuArchitecture.Arm64), PriceBook.Default)).Plan;
}
