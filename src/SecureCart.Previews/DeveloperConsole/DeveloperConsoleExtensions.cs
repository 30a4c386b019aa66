using Microsoft.Extensions.Options;
using SecureCart.Previews.DeveloperConsole.Components;
using SecureCart.Previews.Options;

namespace SecureCart.Previews.DeveloperConsole;

/// <summary>
/// The console: server-rendered Razor components (static SSR, plain HTML forms with antiforgery tokens), served by
/// the API's own process under /console. Pages call the same command and query services as the endpoints.
/// </summary>
internal static class DeveloperConsoleExtensions
{
    public static IServiceCollection AddDeveloperConsole(this IServiceCollection services)
    {
        services.AddRazorComponents();
        services.AddSingleton<ConsoleQueries>();
        return services;
    }

    public static WebApplication MapDeveloperConsole(this WebApplication app)
    {
        app.MapConsoleAssets();
        if (app.Services.GetRequiredService<IOptions<ConsoleOidcOptions>>().Value.Enabled)
        {
            app.MapConsoleOidc();
        }
        app.MapRazorComponents<App>().ExcludeFromDescription();
        return app;
    }
}
