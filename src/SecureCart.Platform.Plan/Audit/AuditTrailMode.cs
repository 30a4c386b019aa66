namespace SecureCart.Platform.Plan.Audit;

/// <summary>Where the account's API activity is recorded.</summary>
public enum AuditTrailMode
{
    /// <summary>The home stack creates a multi-Region trail with log file validation into its own bucket.</summary>
    Stack,

    /// <summary>An AWS Organizations trail from the management account already records this account; the stacks create none.</summary>
    Organization,
}
