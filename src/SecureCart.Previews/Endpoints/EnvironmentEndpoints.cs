using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using SecureCart.Previews.Api;
using SecureCart.Previews.Auth;
using SecureCart.Previews.Domain;
using SecureCart.Previews.Environments;
using SecureCart.Previews.State.Entities;
using SecureCart.Previews.State.Reads;

namespace SecureCart.Previews.Endpoints;

internal static class EnvironmentEndpoints
{
    public const int DefaultPage = 50;
    public const int MaxPage = 200;

    public static RouteGroupBuilder MapEnvironmentEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/environments").WithTags("Environments").RequireAuthorization();
        group.MapPost("/", CreateAsync).WithSummary("Create a preview environment (202: watch its operation's events)");
        group.MapGet("/", ListAsync).WithSummary("Your team's environments, oldest first, a page at a time ('limit', then 'cursor' from 'nextCursor'), with estimated cost");
        group.MapGet("/{id:guid}", GetAsync).WithSummary("One environment: status, URL, outputs, expiry, cost");
        group.MapPost("/{id:guid}/extend", ExtendAsync).WithSummary("Push the expiry back, within the maximum lifetime");
        group.MapDelete("/{id:guid}", DeleteAsync).WithSummary("Destroy the environment (202)");
        return group;
    }

    private static async Task<Results<Accepted<EnvironmentAcceptedView>, ProblemHttpResult>> CreateAsync(
        CreateEnvironmentRequest request,
        [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey,
        ClaimsPrincipal user,
        HttpContext http,
        EnvironmentCommands commands,
        ViewMapper views,
        CancellationToken cancellationToken)
    {
        var command = new CreateEnvironment(request.Team, request.Name, request.GitRef, request.ImageTag, request.Size, request.TtlHours);
        var outcome = await commands.CreateAsync(user.ToCaller(), command, idempotencyKey, http.Origin(), cancellationToken);
        switch (outcome)
        {
            case CommandOutcome<OperationQueued>.Accepted { Replayed: true } replay:
                // The same answer as the first time, marked as a replay.
                http.Response.Headers["Idempotent-Replayed"] = "true";
                return TypedResults.Accepted($"/v1/environments/{replay.Value.Environment.Id}", AcceptedView(views, replay.Value));
            case CommandOutcome<OperationQueued>.Accepted accepted:
                return TypedResults.Accepted($"/v1/environments/{accepted.Value.Environment.Id}", AcceptedView(views, accepted.Value));
            case CommandOutcome<OperationQueued>.Refused refused:
                return refused.Refusal.ToResult();
            default:
                throw new InvalidOperationException("unknown outcome");
        }
    }

    private static async Task<Results<Ok<EnvironmentListView>, ProblemHttpResult>> ListAsync(
        ClaimsPrincipal user, IEnvironmentReader reader, EnvironmentTotals totals, ViewMapper views, CancellationToken cancellationToken,
        bool includeDestroyed = false, int limit = DefaultPage, string? cursor = null)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (limit is < 1 or > MaxPage)
        {
            errors["limit"] = [$"limit must be between 1 and {MaxPage} (default {DefaultPage})."];
        }

        var after = cursor is null ? null : EnvironmentCursor.TryDecode(cursor);
        if (cursor is not null && after is null)
        {
            errors["cursor"] = ["cursor is not one this API issued: pass the 'nextCursor' of the previous page unchanged, or leave it out to start at the first page."];
        }

        if (errors.Count > 0)
        {
            return Refusal.Invalid(errors).ToResult();
        }

        var team = user.ToCaller().Team;
        // One row more than asked for says whether a next page exists without a count query.
        var rows = await reader.PageAsync(team, includeDestroyed, after, limit + 1, cancellationToken);
        var items = rows.Take(limit).Select(views.ToView).ToList();
        var costs = await totals.ReadAsync(team, includeDestroyed, cancellationToken);
        var next = rows.Count > limit ? EnvironmentCursor.Encode(new(items[^1].CreatedAt, items[^1].Id)) : null;
        var link = next is null ? null : $"/v1/environments?limit={limit}&includeDestroyed={(includeDestroyed ? "true" : "false")}&cursor={next}";
        return TypedResults.Ok(new EnvironmentListView(
            items,
            costs.Where(c => c.Live).Sum(c => c.CostPerHour),
            costs.Sum(c => views.CostSoFar(c.CostPerHour, c.CreatedAt, c.DestroyedAt)),
            views.EngineName,
            views.CreatesResources,
            next,
            link));
    }

    private static async Task<Results<Ok<EnvironmentView>, ProblemHttpResult>> GetAsync(
        Guid id, ClaimsPrincipal user, IEnvironmentReader reader, ViewMapper views, CancellationToken cancellationToken)
    {
        var environment = await reader.FindAsync(user.ToCaller().Team, id, cancellationToken);
        return environment is null ? Refusal.NotFound("Environment", id).ToResult() : TypedResults.Ok(views.ToView(environment));
    }

    private static async Task<Results<Ok<EnvironmentView>, ProblemHttpResult>> ExtendAsync(
        Guid id, ExtendEnvironmentRequest request, ClaimsPrincipal user, HttpContext http, EnvironmentLifecycle lifecycle, ViewMapper views, CancellationToken cancellationToken) =>
        await lifecycle.ExtendAsync(user.ToCaller(), id, request.Hours, http.Origin(), cancellationToken) switch
        {
            CommandOutcome<EnvironmentRecord>.Accepted accepted => TypedResults.Ok(views.ToView(accepted.Value)),
            CommandOutcome<EnvironmentRecord>.Refused refused => refused.Refusal.ToResult(),
            _ => throw new InvalidOperationException("unknown outcome"),
        };

    private static async Task<Results<Accepted<EnvironmentAcceptedView>, ProblemHttpResult>> DeleteAsync(
        Guid id, ClaimsPrincipal user, HttpContext http, EnvironmentLifecycle lifecycle, ViewMapper views, CancellationToken cancellationToken) =>
        await lifecycle.DeleteAsync(user.ToCaller(), id, "environment.delete", http.Origin(), cancellationToken) switch
        {
            CommandOutcome<OperationQueued>.Accepted accepted => TypedResults.Accepted($"/v1/operations/{accepted.Value.Operation.Id}/events", AcceptedView(views, accepted.Value)),
            CommandOutcome<OperationQueued>.Refused refused => refused.Refusal.ToResult(),
            _ => throw new InvalidOperationException("unknown outcome"),
        };

    private static EnvironmentAcceptedView AcceptedView(ViewMapper views, OperationQueued queued) =>
        new(views.ToView(queued.Environment), ViewMapper.ToView(queued.Operation));
}
