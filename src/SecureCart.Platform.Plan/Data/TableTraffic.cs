namespace SecureCart.Platform.Plan.Data;

/// <summary>How a table's load behaves when a sale starts.</summary>
public enum TableTraffic
{
    /// <summary>Load jumps with the number of shoppers, within seconds of a campaign going out.</summary>
    FollowsVisitors,

    /// <summary>Load is dominated by cache misses and back-office writes: it rises slowly and predictably.</summary>
    ReadMostlyCached,
}
