namespace SecureCart.Platform.ApiConformance.Tests.Conformance;

internal enum ApiTypeKind
{
    /// <summary>A resource class; its members are the resource's outputs.</summary>
    Resource,

    /// <summary>`XArgs`, `XState`, `Inputs.NArgs`, `GetXArgs`: members are set in object initializers.</summary>
    Input,

    /// <summary>`Outputs.N`, `GetXResult`: members are read.</summary>
    Output,

    /// <summary>A function class `GetX` with `Invoke` / `InvokeAsync`.</summary>
    Function,

    Enum,
}
