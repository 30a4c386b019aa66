using System.Collections.Immutable;
using SecureCart.Platform.Plan.Configuration;

namespace SecureCart.Platform.Plan.Naming;

/// <summary>The tags every resource of a stack carries; cost reports and the parity check group by them.</summary>
public static class Tagging
{
    public static ImmutableSortedDictionary<string, string> For(string stack, string region, SizeProfile profile) =>
        ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, new Dictionary<string, string>
        {
            ["securecart:project"] = StackSettingsSchema.ProjectName,
            ["securecart:stack"] = stack,
            ["securecart:region"] = region,
            ["securecart:profile"] = SizeProfiles.Name(profile),
            ["securecart:managed-by"] = "pulumi",
            ["securecart:cost-center"] = "ecommerce",
            ["securecart:owner"] = "platform-team",
        });

    public static ImmutableSortedDictionary<string, string> WithComponent(ImmutableSortedDictionary<string, string> tags, string component) =>
        tags.SetItem("securecart:component", component);
}
