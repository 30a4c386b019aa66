using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.DependencyInjection.Extensions;
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
            .ValidateDataAnnotations()
            .Validate(o => o.Plugins.All(p => Validator.TryValidateObject(p, new ValidationContext(p), null, validateAllProperties: true)), "every Previews:Pulumi:Plugins entry needs a Name (lower-case, e.g. aws) and a semantic Version (e.g. 7.48.0)")
            .Validate(o => o.LockMaxDelaySeconds >= o.LockFirstDelaySeconds, "Previews:Pulumi:LockMaxDelaySeconds must be at least LockFirstDelaySeconds")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<PulumiInstallation>();
        services.AddSingleton<StackLockRecovery>();
        services.AddHostedService<PulumiInstallationStartup>();
        services.AddSingleton<IPreviewEngine, PulumiPreviewEngine>();
        services.AddExceptionHandler<AutomationExceptionHandler>();
        return services;
    }
}
