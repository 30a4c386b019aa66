using Scalar.AspNetCore;
using SecureCart.Previews.Endpoints;

namespace SecureCart.Previews;

public static class PreviewsApplicationExtensions
{
    public static WebApplication MapPreviews(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapGet("/healthz", () => TypedResults.Ok(new { status = "ok" })).WithTags("Health").AllowAnonymous();
        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference("/docs", o => o.WithTitle("SecureCart preview environments")).AllowAnonymous();
        app.MapEnvironmentEndpoints();
        app.MapOperationEndpoints();
        app.MapAuditEndpoints();
        app.MapApiKeyEndpoints();
        return app;
    }
}
