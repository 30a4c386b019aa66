using SecureCart.Platform.Plan.Configuration;

namespace SecureCart.Platform.Plan.Tests.Configuration;

public sealed class EditDistanceTests
{
    [Theory]
    [InlineData("", "", 0)]
    [InlineData("rdsReplicas", "rdsReadReplicas", 4)]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("tasksMin", "tasksMin", 0)]
    [InlineData("", "abc", 3)]
    public void Between_CountsInsertionsDeletionsAndSubstitutions(string a, string b, int expected)
    {
        Assert.Equal(expected, EditDistance.Between(a, b));
        Assert.Equal(expected, EditDistance.Between(b, a));
    }
}
