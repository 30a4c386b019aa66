using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Scalar.AspNetCore;
using SecureCart.Previews.DeveloperConsole;
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
        app.UseAntiforgery();
        // After authentication: the buckets are per key and per team.
        app.UseRateLimiter();

        // Alive: the process answers. Ready: it can also reach its database (a load balancer stops sending it requests until then).
        app.MapGet("/healthz", () => TypedResults.Ok(new { status = "ok" })).WithTags("Health").AllowAnonymous();
        app.MapHealthChecks("/readyz", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(PreviewsServiceCollectionExtensions.ReadyTag),
            ResponseWriter = WriteReadinessAsync,
        }).AllowAnonymous();
        app.MapOpenApi().AllowAnonymous();
        // The page's script and styles are served from the package; its default web fonts and telemetry would
        // reach out to the internet, so both are off: the page works on a network with no way out.
        app.MapScalarApiReference("/docs", o => o.WithTitle("SecureCart preview environments").DisableDefaultFonts().DisableTelemetry()).AllowAnonymous();
        app.MapEnvironmentEndpoints();
        app.MapOperationEndpoints();
        app.MapAuditEndpoints();
        app.MapApiKeyEndpoints();
        app.MapDeveloperConsole();
        app.MapOrphanEndpoints();
        app.MapNoticeEndpoints();
        return app;
    }

    private static Task WriteReadinessAsync(HttpContext context, HealthReport report)
    {
        if (report.Status != HealthStatus.Healthy)
        {
            context.Response.Headers.RetryAfter = "5";
        }

        context.Response.ContentType = "text/plain";
        return context.Response.WriteAsync(report.Status.ToString());
    }
}
