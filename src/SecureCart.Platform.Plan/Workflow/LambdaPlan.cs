namespace SecureCart.Platform.Plan.Workflow;

/// <summary>A Lambda function of the fulfilment workflow; X-Ray tracing is always active.</summary>
public sealed record LambdaPlan(string LogicalName, string Name, string Runtime, string Handler, string Architecture, int MemoryMb, int TimeoutSeconds, string TracingMode);
