using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SecureCart.Previews.Api;
using SecureCart.Previews.Auth;
using SecureCart.Previews.Domain;
using SecureCart.Previews.Environments;
using SecureCart.Previews.Options;
using SecureCart.Previews.State;
using SecureCart.Previews.State.Entities;

namespace SecureCart.Previews.Endpoints;

internal static class OperationEndpoints
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web);

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
        HttpContext http,
        IDbContextFactory<PreviewsDbContext> contexts,
        IOptions<WorkerOptions> options,
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

        http.Response.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-cache";
        http.Response.Headers["X-Accel-Buffering"] = "no";
        var poll = TimeSpan.FromMilliseconds(Math.Clamp(options.Value.PollMilliseconds / 2, 20, 500));
        try
        {
            await StreamUntilDoneAsync(id, last, http.Response, contexts, poll, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The client went away; it resumes with Last-Event-ID.
        }

        return Results.Empty;
    }

    private static async Task StreamUntilDoneAsync(Guid id, int last, HttpResponse response, IDbContextFactory<PreviewsDbContext> contexts, TimeSpan poll, CancellationToken cancellationToken)
    {
        await response.WriteAsync("retry: 1000\n\n", cancellationToken);
        await response.Body.FlushAsync(cancellationToken);
        while (true)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);

            // Status first, events second: the last event commits with the final status, so none is missed.
            var operation = await db.Operations.AsNoTracking().SingleAsync(o => o.Id == id, cancellationToken);
            var events = await db.OperationEvents.AsNoTracking()
                .Where(e => e.OperationId == id && e.Sequence > last)
                .OrderBy(e => e.Sequence)
                .ToListAsync(cancellationToken);
            foreach (var item in events)
            {
                var data = JsonSerializer.Serialize(new { sequence = item.Sequence, type = item.Type, message = item.Message, at = item.At }, s_json);
                await response.WriteAsync($"id: {item.Sequence}\nevent: {item.Type}\ndata: {data}\n\n", cancellationToken);
                last = item.Sequence;
            }

            if (operation.Status is OperationStatus.Succeeded or OperationStatus.Failed or OperationStatus.Cancelled)
            {
                await response.WriteAsync($"event: end\ndata: {JsonSerializer.Serialize(ViewMapper.ToView(operation), s_json)}\n\n", cancellationToken);
                await response.Body.FlushAsync(cancellationToken);
                return;
            }

            if (events.Count == 0)
            {
                await response.WriteAsync(": waiting\n\n", cancellationToken);
            }

            await response.Body.FlushAsync(cancellationToken);
            await Task.Delay(poll, cancellationToken);
        }
    }
}
