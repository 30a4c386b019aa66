using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SecureCart.Previews.Api;
using SecureCart.Previews.Auth;
using SecureCart.Previews.Domain;
using SecureCart.Previews.Environments;
using SecureCart.Previews.Live;
using SecureCart.Previews.State;
using SecureCart.Previews.State.Entities;

namespace SecureCart.Previews.Endpoints;

internal static class OperationEndpoints
{
    public static RouteGroupBuilder MapOperationEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/operations").WithTags("Operations").RequireAuthorization();
        group.MapGet("/{id:guid}", GetAsync).WithSummary("One operation's state");
        group.MapGet("/{id:guid}/events", StreamAsync)
            .WithSummary("Server-Sent Events: each engine event, then the final state (resume with Last-Event-ID)")
            .Produces(StatusCodes.Status200OK, contentType: "text/event-stream")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{id:guid}/cancel", CancelAsync).WithSummary("Cancel a queued or running operation (202)");
        return group;
    }

    private static async Task<Results<Ok<OperationView>, ProblemHttpResult>> GetAsync(
        Guid id, ClaimsPrincipal user, IDbContextFactory<PreviewsDbContext> contexts, CancellationToken cancellationToken)
    {
        var team = user.ToCaller().Team;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var operation = await db.Operations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id && o.Team == team, cancellationToken);
        return operation is null ? Refusal.NotFound("Operation", id).ToResult() : TypedResults.Ok(ViewMapper.ToView(operation));
    }

    private static async Task<Results<Accepted<OperationView>, ProblemHttpResult>> CancelAsync(
        Guid id, ClaimsPrincipal user, HttpContext http, EnvironmentLifecycle lifecycle, CancellationToken cancellationToken) =>
        await lifecycle.CancelAsync(user.ToCaller(), id, http.Origin(), cancellationToken) switch
        {
            CommandOutcome<OperationRecord>.Accepted accepted => TypedResults.Accepted($"/v1/operations/{id}", ViewMapper.ToView(accepted.Value)),
            CommandOutcome<OperationRecord>.Refused refused => refused.Refusal.ToResult(),
            _ => throw new InvalidOperationException("unknown outcome"),
        };

    private static async Task<IResult> StreamAsync(
        Guid id,
        [FromHeader(Name = "Last-Event-ID")] string? lastEventIdHeader,
        [FromQuery] string? lastEventId,
        ClaimsPrincipal user,
        IDbContextFactory<PreviewsDbContext> contexts,
        OperationWatch watch,
        CancellationToken cancellationToken)
    {
        var team = user.ToCaller().Team;
        var resumeFrom = lastEventIdHeader ?? lastEventId;
        var last = 0;
        if (resumeFrom is not null && (!int.TryParse(resumeFrom, NumberStyles.None, CultureInfo.InvariantCulture, out last)))
        {
            return Refusal.Invalid(new Dictionary<string, string[]> { ["Last-Event-ID"] = [$"'{resumeFrom}' is not an event id: send the id of the last event you received (a whole number)."] }).ToResult();
        }

        await using (var probe = await contexts.CreateDbContextAsync(cancellationToken))
        {
            if (!await probe.Operations.AnyAsync(o => o.Id == id && o.Team == team, cancellationToken))
            {
                return Refusal.NotFound("Operation", id).ToResult();
            }
        }

        // Pushed, not polled: the stream wakes when this replica's feed rings for the operation (see Live/).
        return TypedResults.ServerSentEvents(watch.StreamAsync(id, last, cancellationToken));
    }
}
