using SecureCart.Platform.Plan.Cost;

namespace SecureCart.Platform.Plan.Compute;

/// <summary>
/// Fargate Spot runs Linux tasks on X86_64 only ("Linux tasks with the ARM64 architecture don't support the Fargate
/// Spot capacity provider", ECS developer guide, Fargate capacity providers). A service that may use Spot therefore
/// chooses between ARM64 entirely on demand and X86_64 with its Spot share; this picks the cheaper for the task
/// count the cost model prices (the desired count), from the same price file, so plan and cost agree.
/// </summary>
public static class CapacityChoice
{
    /// <param name="preferred">The stack's architecture: X86_64 stacks always take their Spot share.</param>
    /// <param name="onDemandBase">Tasks that run on demand whatever the split (the service's minimum).</param>
    /// <param name="spotPercent">Share of the tasks above the base that may run on Spot; 0 means on demand only.</param>
    /// <returns>The architecture; Spot is only planned with <see cref="CpuArchitecture.X64"/>.</returns>
    public static CpuArchitecture Choose(
        CpuArchitecture preferred, int cpu, int memoryMb, int desired, int onDemandBase, int spotPercent, string region, PriceBook prices)
    {
        ArgumentNullException.ThrowIfNull(prices);
        if (spotPercent == 0 || preferred == CpuArchitecture.X64)
        {
            return preferred;
        }

        var arm = TaskHour(prices, region, "arm64", cpu, memoryMb);
        var x86 = TaskHour(prices, region, "x86_64", cpu, memoryMb);
        var spotFactor = prices.Find(region, "fargate.spot-factor");
        if (arm is null || x86 is null || spotFactor is null)
        {
            // Without prices the choice cannot be costed: ARM64 on demand is valid everywhere, and the cost says which prices are missing.
            return CpuArchitecture.Arm64;
        }

        var baseTasks = Math.Min(desired, onDemandBase);
        var spotTasks = (desired - baseTasks) * spotPercent / 100m;
        var x86Hour = x86.Value * (desired - spotTasks + spotTasks * spotFactor.Value);
        var armHour = arm.Value * desired;
        return x86Hour < armHour ? CpuArchitecture.X64 : CpuArchitecture.Arm64;
    }

    /// <summary>Whether a capacity provider can place tasks of an architecture.</summary>
    public static bool Supports(string provider, CpuArchitecture architecture) =>
        provider != ComputePlanner.FargateSpot || architecture == CpuArchitecture.X64;

    private static decimal? TaskHour(PriceBook prices, string region, string arch, int cpu, int memoryMb) =>
        prices.Find(region, $"fargate.vcpu-hour.{arch}") * cpu / 1024m + prices.Find(region, $"fargate.gb-hour.{arch}") * memoryMb / 1024m;
}
