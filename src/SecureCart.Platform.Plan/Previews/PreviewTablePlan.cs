namespace SecureCart.Platform.Plan.Previews;

/// <summary>A preview's own on-demand table: production's key schema under the preview's name.</summary>
public sealed record PreviewTablePlan(string LogicalName, string Name, string HashKey, string? RangeKey, string? TimeToLiveAttribute);
