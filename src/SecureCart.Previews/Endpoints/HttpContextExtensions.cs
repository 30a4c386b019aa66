using Microsoft.AspNetCore.Http.HttpResults;
using SecureCart.Previews.Api;
using SecureCart.Previews.Audit;

namespace SecureCart.Previews.Endpoints;

internal static class HttpContextExtensions
{
    public static RequestOrigin Origin(this HttpContext http) =>
        new(http.TraceIdentifier, http.Connection.RemoteIpAddress?.ToString() ?? "unknown");

    public static ProblemHttpResult ToResult(this ApiProblem problem)
    {
        var extensions = new Dictionary<string, object?> { ["code"] = problem.Code };
        if (problem.Errors is not null)
        {
            extensions["errors"] = problem.Errors;
        }

        return TypedResults.Problem(problem.Detail, statusCode: problem.Status, title: problem.Title, type: $"https://securecart.example/problems/{problem.Code}", extensions: extensions);
    }
}
