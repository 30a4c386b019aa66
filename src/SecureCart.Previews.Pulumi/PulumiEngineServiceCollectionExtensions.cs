using SecureCart.Previews.Engine;

namespace SecureCart.Previews.Automation;

public static class PulumiEngineServiceCollectionExtensions
{
    /// <summary>
    /// Registers the Automation API engine and its exception handler; call before AddPreviews so the engine replaces
    /// the plan-only default and the handler runs before the service's own.
    /// </summary>
    public static IServiceCollection AddPulumiPreviewEngine(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<PulumiEngineOptions>().BindConfiguration(PulumiEngineOptions.Section)
            .Validate(o => !string.IsNullOrWhiteSpace(o.BackendUrl), "Previews:Pulumi:BackendUrl is required (s3://… or https://api.pulumi.com)")
            .ValidateOnStart();
        services.AddSingleton<IPreviewEngine, PulumiPreviewEngine>();
        services.AddExceptionHandler<AutomationExceptionHandler>();
        return services;
    }
}
