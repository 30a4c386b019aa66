using Microsoft.AspNetCore.Http.HttpResults;
using SecureCart.Previews.Auth;
using SecureCart.Previews.Domain;
using SecureCart.Previews.Orphans;

namespace SecureCart.Previews.Endpoints;

internal static class OrphanEndpoints
{
    public static RouteGroupBuilder MapOrphanEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/orphans").WithTags("Orphans").RequireAuthorization(CallerClaims.AdminPolicy);
        group.MapGet("/", FindAsync).WithSummary("Stacks in the backend that no live environment owns, and ready environments whose stack is gone (changes nothing)");
        group.MapPost("/sweep", SweepAsync).WithSummary("Sweep now: report, log, and destroy orphan stacks when Previews:Orphans:DestroyStacks is on");
        return group;
    }

    private static async Task<Ok<OrphanReport>> FindAsync(OrphanSweep sweep, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sweep.FindAsync(cancellationToken));

    private static async Task<Results<Ok<OrphanReport>, ProblemHttpResult>> SweepAsync(OrphanSweep sweep, CancellationToken cancellationToken) =>
        await sweep.SweepAsync(cancellationToken) is { } report
            ? TypedResults.Ok(report)
            : Refusal.Conflict("sweep-running", "A sweep is running", "Another replica holds the sweep lease; try again when it has finished, or read the findings with GET /v1/orphans.").ToResult();
}
