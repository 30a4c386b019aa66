using SecureCart.Platform.ApiConformance.Tests.Declarations;

namespace SecureCart.Platform.ApiConformance.Tests.Conformance;

/// <summary>A C# SDK type matched to its TypeScript declaration.</summary>
/// <param name="CSharpName">The full C# name, e.g. Pulumi.Aws.Ec2.Inputs.SecurityGroupIngressArgs.</param>
/// <param name="Owner">The name collision renames are keyed by: the resource for X/XArgs/XState, the nested type's TS name otherwise.</param>
/// <param name="Shape">The members to check: outputs of a resource, properties of an input or output type.</param>
internal sealed record ApiType(
    string CSharpName,
    ApiTypeKind Kind,
    TsPackage Package,
    TsModule Module,
    string Owner,
    TsShape? Shape,
    IReadOnlySet<string>? EnumMembers = null,
    bool IsCustomResource = false)
{
    public string Describe => $"@pulumi/{Package.Name} {Module.Name}.{Shape?.Name ?? Owner}";
}
