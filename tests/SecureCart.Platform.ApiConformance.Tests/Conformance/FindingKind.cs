namespace SecureCart.Platform.ApiConformance.Tests.Conformance;

public enum FindingKind
{
    UnknownType,
    UnknownProperty,
    UnknownOutput,
    UnknownEnumMember,
    CollisionRename,
    BadOverride,
    NumericType,
}
