namespace SecureCart.Platform.Plan.Data;

/// <summary>What a stack does for a global table.</summary>
public enum GlobalTableRole
{
    /// <summary>The home stack: creates the table in its region.</summary>
    Owner,

    /// <summary>Every other stack: adds its own region's replica to the home stack's table.</summary>
    Replica,
}
