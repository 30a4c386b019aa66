namespace SecureCart.Platform.Plan.Messaging;

/// <summary>An SNS topic.</summary>
public sealed record TopicPlan(string LogicalName, string Name);
