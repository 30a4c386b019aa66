using Scalar.AspNetCore;
using SecureCart.Previews.Endpoints;

namespace SecureCart.Previews;

public static class PreviewsApplicationExtensions
{
    public static WebApplication MapPreviews(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // First, so the audit and everything after see the client's address, not the load balancer's.
        app.UseForwardedHeaders();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapGet("/healthz", () => TypedResults.Ok(new { status = "ok" })).WithTags("Health").AllowAnonymous();
        app.MapOpenApi().AllowAnonymous();
        // The page's script and styles are served from the package; its default web fonts and telemetry would
        // reach out to the internet, so both are off: the page works on a network with no way out.
        app.MapScalarApiReference("/docs", o => o.WithTitle("SecureCart preview environments").DisableDefaultFonts().DisableTelemetry()).AllowAnonymous();
        app.MapEnvironmentEndpoints();
        app.MapOperationEndpoints();
        app.MapAuditEndpoints();
        app.MapApiKeyEndpoints();
        return app;
    }
}
