namespace SecureCart.Platform.Review.Risk;

/// <summary>
/// One row of the data-driven rules: on <paramref name="Type"/>, <paramref name="Property"/> (a property path,
/// or `@protect` for the resource option) meeting <paramref name="Condition"/> fires <paramref name="Rule"/>.
/// </summary>
public sealed record PropertyRuleRow(RiskRuleInfo Rule, string Type, string Property, ChangeCondition Condition, bool AbsentMeansOff = false);

/// <summary>How a property's old and new values are compared.</summary>
public enum ChangeCondition
{
    /// <summary>Was true, now false (or absent where absent means off).</summary>
    TurnedOff,

    /// <summary>Turned off, or created off.</summary>
    TurnedOffOrCreatedOff,

    /// <summary>Was not true, now true (a setting whose "on" is the risky side).</summary>
    TurnedOn,

    /// <summary>A number that went down.</summary>
    Lowered,

    /// <summary>Any change of an existing value.</summary>
    Changed,

    /// <summary>Below <see cref="ReviewPolicy.ProductionCapacityFloor"/>, and lower than before.</summary>
    BelowFloor,
}
