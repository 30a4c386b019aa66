using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Pulumi.Automation.Commands.Exceptions;

namespace SecureCart.Previews.Automation;

/// <summary>
/// The Automation API's typed failures at the HTTP edge: another update holding the stack's lock is a 409, a
/// missing stack a 404, any other Pulumi command failure a 500 that quotes neither the CLI's output (it can carry
/// stack configuration) nor a stack trace. Registered before the service's own handler, which turns everything
/// else into a 400 for unreadable requests or a 500 without internals.
/// </summary>
internal sealed partial class AutomationExceptionHandler(IProblemDetailsService problems, ILogger<AutomationExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ProblemDetails? problem = exception switch
        {
            ConcurrentUpdateException => Problem(
                StatusCodes.Status409Conflict, "stack-busy", "Another update is running on this stack",
                "Pulumi reports the stack locked by another update. Wait for that operation to finish (GET /v1/operations/{id}/events) or cancel it, then retry."),
            StackNotFoundException => Problem(
                StatusCodes.Status404NotFound, "stack-not-found", "The environment's stack does not exist",
                "The backend has no stack for this environment (never created, or already destroyed). Create the environment again if you need it."),
            CommandException => Problem(
                StatusCodes.Status500InternalServerError, "engine-command-failed", "The Pulumi engine failed",
                $"A Pulumi command failed on our side; quote request id {httpContext.TraceIdentifier} when reporting it."),
            _ => null,
        };
        if (problem is null)
        {
            return false;
        }

        LogAutomationFailure(logger, exception, exception.GetType().Name, httpContext.Request.Path, problem.Status!.Value);
        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    private static ProblemDetails Problem(int status, string code, string title, string detail) => new ProblemDetails
    {
        Status = status,
        Title = title,
        Detail = detail,
        Type = $"https://securecart.example/problems/{code}",
        Extensions = { ["code"] = code },
    };

    [LoggerMessage(EventId = 2401, Level = LogLevel.Warning, Message = "Automation API {ExceptionType} on {Path} answered {Status}")]
    private static partial void LogAutomationFailure(ILogger logger, Exception exception, string exceptionType, string path, int status);
}
