namespace SecureCart.Platform.Plan.Data;

/// <summary>A key attribute of a DynamoDB table: name and type (S, N or B).</summary>
public sealed record TableAttributePlan(string Name, string Type);
