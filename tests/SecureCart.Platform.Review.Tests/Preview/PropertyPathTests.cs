using SecureCart.Platform.Review.Preview;

namespace SecureCart.Platform.Review.Tests.Preview;

public sealed class PropertyPathTests
{
    [Theory]
    [InlineData("engine", "engine")]
    [InlineData("tags.Owner", "Owner")]
    [InlineData("inlinePolicies[0].policy", "policy")]
    [InlineData("ingress[0]", "ingress")]
    [InlineData("tags[\"kubernetes.io/role\"]", "kubernetes.io/role")]
    [InlineData("a[x]", "x")]
    [InlineData("[0]", null)]
    [InlineData("", null)]
    public void LastName_Path_IsItsLastNamedPart(string path, string? expected)
    {
        Assert.Equal(expected, PropertyPath.LastName(path));
    }

    [Theory]
    [InlineData("engine")]
    [InlineData("tags.Owner")]
    [InlineData("a.b[2].c[\"d.e\"][3]")]
    [InlineData("x[y].z")]
    [InlineData("[1][2]")]
    [InlineData("trailing.")]
    public void LastName_AnyPath_AgreesWithTheParsedParts(string path)
    {
        Assert.Equal(PropertyPath.Parse(path).OfType<string>().LastOrDefault(), PropertyPath.LastName(path));
    }
}
