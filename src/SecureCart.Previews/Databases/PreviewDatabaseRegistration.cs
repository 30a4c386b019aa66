using SecureCart.Previews.Engine;
using SecureCart.Previews.Options;
using SecureCart.Previews.Planning;

namespace SecureCart.Previews.Databases;

internal static class PreviewDatabaseRegistration
{
    /// <summary>
    /// When an admin connection is configured and the engine creates resources, wraps whichever engine the host
    /// registered (the Automation engine, a test's) in <see cref="DatabaseOwningEngine"/>.
    /// </summary>
    public static IServiceCollection AddPreviewDatabases(this IServiceCollection services, PreviewDatabaseOptions settings)
    {
        if (!settings.Enabled)
        {
            return services;
        }

        services.AddSingleton<PreviewDatabases>();
        var registered = services.LastOrDefault(d => d.ServiceType == typeof(IPreviewEngine))
            ?? throw new InvalidOperationException("no preview engine registered");
        services.Remove(registered);
        services.AddSingleton<IPreviewEngine>(sp =>
        {
            var inner = registered.ImplementationInstance as IPreviewEngine
                ?? registered.ImplementationFactory?.Invoke(sp) as IPreviewEngine
                ?? (IPreviewEngine)ActivatorUtilities.CreateInstance(sp, registered.ImplementationType!);
            // The plan-only engine creates nothing in the cloud, so it gets no database either.
            return inner.CreatesResources
                ? new DatabaseOwningEngine(inner, sp.GetRequiredService<PlatformPreviewPlanner>(), sp.GetRequiredService<PreviewDatabases>())
                : inner;
        });
        return services;
    }
}
