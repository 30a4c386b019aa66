using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using SecureCart.Previews.Logging;

namespace SecureCart.Previews.Hosting;

/// <summary>
/// Bad input becomes a 400 that quotes the parser; an unreachable state store a 503 with Retry-After (the client
/// should try again, nothing is wrong with its request); anything else is a 500 with no internals.
/// </summary>
internal sealed class ApiExceptionHandler(IProblemDetailsService problems, ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    private const string RetryAfterSeconds = "5";

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ProblemDetails problem;
        if (exception is BadHttpRequestException bad)
        {
            var detail = bad.InnerException is JsonException json
                ? $"The body is not valid JSON for this endpoint: {json.Message} Send a JSON object with the documented fields (see /openapi/v1.json)."
                : $"{bad.Message} See /openapi/v1.json for the expected request.";
            problem = new ProblemDetails { Status = bad.StatusCode, Title = "The request could not be read", Detail = detail, Type = "https://securecart.example/problems/malformed-request" };
        }
        else if (StateUnavailable.Is(exception))
        {
            Log.StateUnavailable(logger, httpContext.Request.Path, exception.GetType().Name);
            httpContext.Response.Headers.RetryAfter = RetryAfterSeconds;
            problem = new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "State store unavailable",
                Detail = $"The service cannot reach its database right now; retry in {RetryAfterSeconds} seconds. Request id {httpContext.TraceIdentifier}.",
                Type = "https://securecart.example/problems/unavailable",
            };
        }
        else
        {
            Log.UnhandledError(logger, exception, httpContext.Request.Path);
            problem = new ProblemDetails { Status = StatusCodes.Status500InternalServerError, Title = "Internal error", Detail = $"Something failed on our side; quote request id {httpContext.TraceIdentifier} when reporting it." };
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }
}
