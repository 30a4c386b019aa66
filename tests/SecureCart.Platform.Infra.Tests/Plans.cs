using SecureCart.Platform.Plan;

namespace SecureCart.Platform.Infra.Tests;

/// <summary>The plan the stack under test maps, loaded the same way the stack loads it.</summary>
internal static class Plans
{
    public static RegionalPlan For(string stack) => StackPlan.Load(Repository.Root, stack).Plan;
}
