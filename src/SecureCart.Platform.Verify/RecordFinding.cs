namespace SecureCart.Platform.Verify;

/// <summary>The verdict on one expected record, with what was found.</summary>
public sealed record RecordFinding(ExpectedRecord Expected, FindingKind Kind, string Detail);
