using SecureCart.Platform.Plan.Compute;

namespace SecureCart.Platform.Plan.Tests.Compute;

public sealed class CpuArchitectureNamesTests
{
    [Theory]
    [InlineData(CpuArchitecture.Arm64, "arm64", "ARM64")]
    [InlineData(CpuArchitecture.X64, "x86_64", "X86_64")]
    public void Names_EachSpellingAndBack(CpuArchitecture architecture, string name, string ecs)
    {
        Assert.Equal(name, architecture.Name());
        Assert.Equal(ecs, architecture.EcsName());
        Assert.Equal(architecture, CpuArchitectureNames.Parse(name));
        Assert.Contains(name, CpuArchitectureNames.Names);
    }

    [Fact]
    public void EcsOptimizedAmiParameter_Arm64PathNamesTheArchitecture()
    {
        Assert.Contains("/arm64/", CpuArchitecture.Arm64.EcsOptimizedAmiParameter(), StringComparison.Ordinal);
        Assert.DoesNotContain("arm64", CpuArchitecture.X64.EcsOptimizedAmiParameter(), StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_X64Stack_EveryArchitectureSpellingFollows()
    {
        var plan = PlanFixtures.Plan("prod-eu", s => s with { CpuArchitecture = CpuArchitecture.X64 });

        Assert.All(plan.Compute.Services, s => Assert.Equal("X86_64", s.RuntimeArchitecture));
        Assert.All(plan.Workflow.Functions, f => Assert.Equal("x86_64", f.Architecture));
        Assert.All(plan.Compute.Workers!.InstanceTypes, t => Assert.Contains(t, Platform.Plan.Configuration.InstanceClasses.Workers(CpuArchitecture.X64)));
    }

    [Fact]
    public void Parse_Unknown_Throws() => Assert.Throws<ArgumentException>(() => CpuArchitectureNames.Parse("riscv64"));
}
