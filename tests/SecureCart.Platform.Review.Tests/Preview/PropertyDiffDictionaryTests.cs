using SecureCart.Platform.Review.Preview;

namespace SecureCart.Platform.Review.Tests.Preview;

public sealed class PropertyDiffDictionaryTests
{
    [Fact]
    public void Of_EntriesOutOfOrderWithAPathTwice_KeepsTheLaterInOrdinalOrder()
    {
        var diffs = PropertyDiffDictionary.Of(
        [
            new("tags", new PropertyDiff("update", false)),
            new("Zone", new PropertyDiff("add", true)),
            new("ingress[0]", new PropertyDiff("delete", false)),
            new("tags", new PropertyDiff("update-replace", true)),
            new("étiquette", new PropertyDiff("add", false)),
        ]);

        Assert.Equal(["Zone", "ingress[0]", "tags", "étiquette"], diffs.Keys);
        Assert.Equal(4, diffs.Count);
        Assert.Equal(new PropertyDiff("update-replace", true), diffs["tags"]);
        Assert.Equal(["Zone", "ingress[0]", "tags", "étiquette"], diffs.Entries.ToArray().Select(e => e.Key));
    }

    [Fact]
    public void Lookup_MissingPath_IsFalseAndTheIndexerNamesIt()
    {
        var diffs = PropertyDiffDictionary.Of([new("b", new PropertyDiff("add", false)), new("a", new PropertyDiff("delete", false))]);

        Assert.True(diffs.TryGetValue("a", out var a));
        Assert.Equal("delete", a.Kind);
        Assert.True(diffs.ContainsKey("b"));
        Assert.False(diffs.TryGetValue("c", out _));
        Assert.False(diffs.ContainsKey(""));
        Assert.Contains("`c`", Assert.Throws<KeyNotFoundException>(() => diffs["c"]).Message);
    }

    [Fact]
    public void Of_NoEntries_IsEmpty()
    {
        var diffs = PropertyDiffDictionary.Of([]);

        Assert.Same(PropertyDiffDictionary.Empty, diffs);
        Assert.Empty(diffs);
        Assert.False(diffs.ContainsKey("a"));
    }
}
