using SecureCart.Platform.Plan.Observability;

namespace SecureCart.Platform.Plan.Tests.Observability;

public sealed class SloAlarmsTests
{
    [Fact]
    public void Plan_EveryAlbService_HasFourBurnRateWindowsAndOneCompositeInsteadOfARaw5xxCount()
    {
        var plan = PlanFixtures.Plan("prod-us");
        var onAlb = plan.Compute.Services.Where(s => s.OnAlb).Select(s => s.LogicalName).ToList();

        Assert.DoesNotContain(plan.Observability.Alarms, a => a.MetricName == "HTTPCode_Target_5XX_Count");
        Assert.Equal(onAlb.Order(StringComparer.Ordinal), plan.Observability.CompositeAlarms.Select(c => c.LogicalName["slo-".Length..]).Order(StringComparer.Ordinal));
        foreach (var service in onAlb)
        {
            var windows = plan.Observability.MathAlarms.Where(m => m.LogicalName.StartsWith($"slo-{service}-", StringComparison.Ordinal)).ToList();
            Assert.Equal([300, 1800, 3600, 21600], windows.Select(w => w.PeriodSeconds).Order());
            Assert.All(windows, w => Assert.False(w.Notifies));
            var composite = plan.Observability.CompositeAlarms.Single(c => c.LogicalName == $"slo-{service}");
            Assert.Equal(
                $"(ALARM(slo-{service}-1h) AND ALARM(slo-{service}-5m)) OR (ALARM(slo-{service}-6h) AND ALARM(slo-{service}-30m))",
                composite.Rule);
        }
    }

    [Fact]
    public void Plan_Thresholds_AreTheBurnRateTimesTheBudgetOfA999Slo()
    {
        var windows = PlanFixtures.Plan("prod-eu").Observability.MathAlarms.Where(m => m.LogicalName.StartsWith("slo-cart-", StringComparison.Ordinal))
            .ToDictionary(m => m.LogicalName[("slo-cart-".Length)..], m => m.Threshold, StringComparer.Ordinal);

        // 14.4 x 0.1 % = 1.44 % of requests failing over 1 h and 5 m; 6 x 0.1 % = 0.6 % over 6 h and 30 m.
        Assert.Equal(0.0144, windows["1h"], 9);
        Assert.Equal(0.0144, windows["5m"], 9);
        Assert.Equal(0.006, windows["6h"], 9);
        Assert.Equal(0.006, windows["30m"], 9);
    }

    [Fact]
    public void Plan_Window_IsTheTargetGroupsErrorRatioWithGapsFilled()
    {
        var window = PlanFixtures.Plan("prod-us").Observability.MathAlarms.Single(m => m.LogicalName == "slo-checkout-1h");

        var errors = window.Queries.Single(q => q.Id == "errors");
        var requests = window.Queries.Single(q => q.Id == "requests");
        Assert.Equal(("HTTPCode_Target_5XX_Count", "RequestCount"), (errors.MetricName, requests.MetricName));
        Assert.Equal(("alb", "checkout"), (errors.Dimensions!["LoadBalancer"], errors.Dimensions["TargetGroup"]));
        Assert.Equal(errors.Dimensions, requests.Dimensions);
        var ratio = Assert.Single(window.Queries, q => q.ReturnData);
        Assert.Equal("FILL(errors, 0) / FILL(requests, 1)", ratio.Expression);
        Assert.Equal((3600, 1, "GreaterThanThreshold"), (window.PeriodSeconds, window.EvaluationPeriods, window.ComparisonOperator));
    }

    [Fact]
    public void Children_OfAComposite_AreTheAlarmsItsRuleNames()
    {
        var composite = new CompositeAlarmPlan("x", "x", "(ALARM(a-1h) AND ALARM(a-5m)) OR ALARM(b)", "");

        Assert.Equal(["a-1h", "a-5m", "b"], composite.Children());
    }
}
