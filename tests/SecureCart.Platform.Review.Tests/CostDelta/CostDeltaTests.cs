using System.Text;
using SecureCart.Platform.Plan.Cost;

namespace SecureCart.Platform.Review.Tests.CostDelta;

public sealed class CostDeltaTests
{
    [Fact]
    public void Review_InstanceClassChange_PricesTheDifferenceWithThePlansPriceBook()
    {
        var result = Fixture.Review("risk/SC001-clean.json");

        var line = Assert.Single(result.Cost!.Lines);
        var prices = PriceBook.Default;
        var hours = prices.HoursPerMonth;
        var expected = (prices.Get("us-east-1", "rds.db.r6g.xlarge.hour") - prices.Get("us-east-1", "rds.db.r6g.large.hour")) * 2 * hours;
        Assert.Equal(decimal.Round(expected, 2), line.MonthlyDelta!.Value, 2);
        Assert.Equal("us-east-1", result.Cost.Region);
    }

    [Fact]
    public void Review_CreatedDatabase_AddsItsMonthlyPrice()
    {
        var result = Fixture.Review("risk/SC005-clean.json");

        Assert.True(result.Cost!.MonthlyDelta > 0);
        Assert.Contains("rds.db.r6g.large.hour", result.Cost.Lines.Single().Basis);
    }

    [Fact]
    public void Review_RegionWithoutPrices_SaysSoInsteadOfGuessing()
    {
        var json = File.ReadAllText(Fixture.Path("risk/SC005-clean.json")).Replace("us-east-1", "ap-south-2", StringComparison.Ordinal);

        var result = new ChangeReviewer().Review(new MemoryStream(Encoding.UTF8.GetBytes(json)), "p.json");

        var line = result.Cost!.Lines.Single();
        Assert.Null(line.MonthlyDelta);
        Assert.Contains("no price for", line.Basis);
    }
}
