namespace SecureCart.Platform.ApiConformance.Tests.Declarations;

/// <summary>A resource class (`export declare class X extends pulumi.CustomResource`) and its outputs.</summary>
internal sealed record TsResource(string Name, string BaseType, TsShape Outputs)
{
    public bool IsCustom => BaseType is "CustomResource" or "ProviderResource";
}
