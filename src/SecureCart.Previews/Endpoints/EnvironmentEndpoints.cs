using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SecureCart.Previews.Api;
using SecureCart.Previews.Auth;
using SecureCart.Previews.Domain;
using SecureCart.Previews.Environments;
using SecureCart.Previews.State;
using SecureCart.Previews.State.Entities;

namespace SecureCart.Previews.Endpoints;

internal static class EnvironmentEndpoints
{
    public static RouteGroupBuilder MapEnvironmentEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/environments").WithTags("Environments").RequireAuthorization();
        group.MapPost("/", CreateAsync).WithSummary("Create a preview environment (202: watch its operation's events)");
        group.MapGet("/", ListAsync).WithSummary("Your team's environments, with estimated cost");
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

    private static async Task<Ok<EnvironmentListView>> ListAsync(
        ClaimsPrincipal user, IDbContextFactory<PreviewsDbContext> contexts, ViewMapper views, CancellationToken cancellationToken, bool includeDestroyed = false)
    {
        var team = user.ToCaller().Team;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.Environments.AsNoTracking().Where(e => e.Team == team);
        if (!includeDestroyed)
        {
            query = query.Where(e => e.Status != EnvironmentStatus.Destroyed);
        }

        var items = (await query.OrderBy(e => e.CreatedAt).ToListAsync(cancellationToken)).Select(views.ToView).ToList();
        var live = items.Where(e => e.Status != nameof(EnvironmentStatus.Destroyed)).ToList();
        return TypedResults.Ok(new EnvironmentListView(
            items, live.Sum(e => e.EstimatedCostPerHour), items.Sum(e => e.EstimatedCostSoFar), views.EngineName, views.CreatesResources));
    }

    private static async Task<Results<Ok<EnvironmentView>, ProblemHttpResult>> GetAsync(
        Guid id, ClaimsPrincipal user, IDbContextFactory<PreviewsDbContext> contexts, ViewMapper views, CancellationToken cancellationToken)
    {
        var team = user.ToCaller().Team;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var environment = await db.Environments.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id && e.Team == team, cancellationToken);
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
