namespace SecureCart.Platform.ApiConformance.Tests.Conformance;

internal enum FindingKind
{
    UnknownType,
    UnknownProperty,
    UnknownOutput,
    UnknownEnumMember,
    CollisionRename,
    BadOverride,
    Undecidable,
}
