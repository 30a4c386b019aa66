using SecureCart.Platform.Simulation.Profiles;

namespace SecureCart.Platform.Simulation.Tests.Profiles;

public sealed class ProfileLoaderTests
{
    private static readonly string[] s_stacks = ["prod-eu", "prod-us"];

    private static ProfileLoadResult Load(string yaml) => ProfileLoader.Load("bad.yaml", new StringReader(yaml), s_stacks);

    [Fact]
    public void Load_EveryFaultAtOnce_WithLineKeyAndWhatToChange()
    {
        var result = Load("""
            name: broken
            start: "next friday"
            durationMinutes: 60
            resolutionSeconds: 7
            trafic: {}
            traffic:
              baselineRps: -5
              shape:
                - { minute: 10, multiplier: 2 }
                - { minute: 5, multiplier: 3 }
            dials:
              - { minute: 1, stack: prod-ue, dial: 0 }
            services:
              storefrnt: { rpsPerTask: 10 }
              cart: { rpsPerTask: many }
            """);

        var faults = Assert.IsType<ProfileLoadResult.Rejected>(result).Faults.Select(f => f.ToString()).ToList();
        Assert.Contains("bad.yaml:2: start: 'next friday' is not a date and time; write it as ISO-8601 UTC, e.g. 2026-11-27T14:00:00Z", faults);
        Assert.Contains("bad.yaml:4: resolutionSeconds: 7 does not divide a minute; use 1, 2, 5, 10, 15, 20, 30 or 60", faults);
        Assert.Contains(faults, f => f.StartsWith("bad.yaml:5: trafic: unknown key (did you mean 'traffic'?)", StringComparison.Ordinal));
        Assert.Contains("bad.yaml:7: traffic.baselineRps: -5 is out of range; use a number from 0 to 10000000", faults);
        Assert.Contains(faults, f => f.StartsWith("bad.yaml:10: traffic.shape[1].minute: 5 does not come after", StringComparison.Ordinal));
        Assert.Contains(faults, f => f.StartsWith("bad.yaml:12: dials[0].stack: no stack 'prod-ue' (did you mean 'prod-us'?)", StringComparison.Ordinal));
        Assert.Contains(faults, f => f.StartsWith("bad.yaml:14: services.storefrnt: no service 'storefrnt' (did you mean 'storefront'?)", StringComparison.Ordinal));
        Assert.Contains("bad.yaml:15: services.cart.rpsPerTask: 'many' is not a number; write e.g. 1.5", faults);
        Assert.Equal(8, faults.Count);
    }

    [Fact]
    public void Load_NotYaml_LineOfTheSyntaxError()
    {
        var result = Load("name: x\ntraffic: [unclosed\n");

        var fault = Assert.Single(Assert.IsType<ProfileLoadResult.Rejected>(result).Faults);
        Assert.StartsWith("bad.yaml:", fault.ToString(), StringComparison.Ordinal);
        Assert.Contains("not valid YAML", fault.Message);
    }

    [Fact]
    public void Load_MissingRequired_SaysWhatToAdd()
    {
        var faults = Assert.IsType<ProfileLoadResult.Rejected>(Load("description: nothing else\n")).Faults.Select(f => f.ToString()).ToList();

        Assert.Contains(faults, f => f.Contains("name: is required", StringComparison.Ordinal));
        Assert.Contains(faults, f => f.Contains("durationMinutes: is required", StringComparison.Ordinal));
        Assert.Contains(faults, f => f.Contains("traffic: is required", StringComparison.Ordinal));
    }

    [Fact]
    public void RpsAt_LinearBetweenShapePoints()
    {
        var profile = Assert.IsType<ProfileLoadResult.Loaded>(Load("""
            name: ramp
            start: "2026-11-27T00:00:00Z"
            durationMinutes: 30
            traffic:
              baselineRps: 100
              shape:
                - { minute: 10, multiplier: 1 }
                - { minute: 20, multiplier: 21 }
            """)).Profile;

        Assert.Equal(100, profile.RpsAt(0));
        Assert.Equal(1100, profile.RpsAt(15 * 60), 6);
        Assert.Equal(2100, profile.RpsAt(29 * 60));
    }

    [Theory]
    [InlineData("surge-20x")]
    [InlineData("flash-sale")]
    [InlineData("black-friday-week")]
    [InlineData("regional-evacuation")]
    public void Shipped_Loads(string name)
    {
        Assert.Contains(name, ShippedProfiles.Names);
        Assert.IsType<ProfileLoadResult.Loaded>(ShippedProfiles.Load(name, s_stacks));
    }
}
