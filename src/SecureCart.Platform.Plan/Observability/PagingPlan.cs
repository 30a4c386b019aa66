namespace SecureCart.Platform.Plan.Observability;

/// <summary>
/// How an alarm reaches a person besides e-mail: an HTTPS subscription of the alarm topic to the pager's
/// CloudWatch integration URL, held as a stack secret (the URL embeds the integration key).
/// </summary>
/// <param name="EndpointSecretKey">The stack's secret key that holds the URL, or null when the stack pages nobody (previews).</param>
public sealed record PagingPlan(string? EndpointSecretKey)
{
    public const string Protocol = "https";

    public bool Enabled => EndpointSecretKey is not null;
}
