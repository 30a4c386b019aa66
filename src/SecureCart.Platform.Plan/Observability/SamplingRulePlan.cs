namespace SecureCart.Platform.Plan.Observability;

/// <summary>An X-Ray sampling rule: requests matching <paramref name="UrlPath"/> (X-Ray wildcards) are traced at <paramref name="FixedRate"/>
/// after <paramref name="ReservoirSize"/> traces per second; a lower priority number is evaluated first.</summary>
public sealed record SamplingRulePlan(string LogicalName, string Name, int Priority, string UrlPath, string HttpMethod, int ReservoirSize, double FixedRate);
