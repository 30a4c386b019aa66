namespace SecureCart.Platform.Verify;

/// <summary>How an expected public name compares with the hosted zone.</summary>
public enum FindingKind
{
    /// <summary>The record exists, points at the right kind of target and Route 53 answers for it.</summary>
    Ok,

    /// <summary>No record set with this name, type (and set identifier) in the zone.</summary>
    Missing,

    /// <summary>The record exists but is not an alias to the planned target (wrong service or wrong region).</summary>
    PointsElsewhere,

    /// <summary>The record exists but Route 53 (or the resolver) answers with an error or no data.</summary>
    NoAnswer,

    /// <summary>The name answers, but no evidence says whether it reaches the planned target; not counted as a problem.</summary>
    Unconfirmed,
}
