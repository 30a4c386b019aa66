using Microsoft.AspNetCore.Http.HttpResults;
using SecureCart.Previews.Audit;
using SecureCart.Previews.Domain;

namespace SecureCart.Previews.Endpoints;

internal static class HttpContextExtensions
{
    public static RequestOrigin Origin(this HttpContext http) =>
        new(http.TraceIdentifier, http.Connection.RemoteIpAddress?.ToString() ?? "unknown");

    /// <summary>The one place a domain refusal becomes an HTTP status: RFC 9457 problem details with the refusal's code.</summary>
    public static ProblemHttpResult ToResult(this Refusal refusal)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        var extensions = new Dictionary<string, object?> { ["code"] = refusal.Code };
        if (refusal.Errors is not null)
        {
            extensions["errors"] = refusal.Errors;
        }

        return TypedResults.Problem(refusal.Detail, statusCode: StatusFor(refusal.Kind), title: refusal.Title, type: $"https://securecart.example/problems/{refusal.Code}", extensions: extensions);
    }

    public static int StatusFor(RefusalKind kind) => kind switch
    {
        RefusalKind.Invalid => StatusCodes.Status400BadRequest,
        RefusalKind.NotFound => StatusCodes.Status404NotFound,
        RefusalKind.Forbidden => StatusCodes.Status403Forbidden,
        RefusalKind.Conflict => StatusCodes.Status409Conflict,
        RefusalKind.Unprocessable => StatusCodes.Status422UnprocessableEntity,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown refusal kind"),
    };
}
