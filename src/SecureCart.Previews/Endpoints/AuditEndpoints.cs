using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SecureCart.Previews.Api;
using SecureCart.Previews.Audit;
using SecureCart.Previews.Auth;
using SecureCart.Previews.Domain;
using SecureCart.Previews.State;
using SecureCart.Previews.State.Entities;

namespace SecureCart.Previews.Endpoints;

internal static class AuditEndpoints
{
    private const int MaxPage = 1_000;
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web);

    public static RouteGroupBuilder MapAuditEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/audit").WithTags("Audit").RequireAuthorization(CallerClaims.AdminPolicy);
        group.MapGet("/", ListAsync).WithSummary("Audit rows, oldest first; filter by team, action, environment, actor; page with 'after'");
        group.MapGet("/verify", VerifyAsync).WithSummary("Recompute the hash chain: detects a removed or edited row");
        group.MapGet("/export", ExportAsync).WithSummary("Every matching row as JSON lines").Produces(StatusCodes.Status200OK, contentType: "application/x-ndjson");
        return group;
    }

    private static async Task<Results<Ok<AuditPageView>, ProblemHttpResult>> ListAsync(
        IDbContextFactory<PreviewsDbContext> contexts, CancellationToken cancellationToken,
        string? team = null, string? action = null, Guid? environmentId = null, string? actor = null, long after = 0, int limit = 100)
    {
        if (limit is < 1 or > MaxPage)
        {
            return Refusal.Invalid(new Dictionary<string, string[]> { ["limit"] = [$"limit must be between 1 and {MaxPage}."] }).ToResult();
        }

        if (CheckFilters(team, action, actor) is { } invalid)
        {
            return invalid.ToResult();
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await Filter(db, team, action, environmentId, actor).Where(a => a.Sequence > after).OrderBy(a => a.Sequence).Take(limit + 1).ToListAsync(cancellationToken);
        var page = rows.Take(limit).Select(ToView).ToList();
        return TypedResults.Ok(new AuditPageView(page, rows.Count > limit ? page[^1].Sequence : null));
    }

    private static async Task<Ok<AuditVerification>> VerifyAsync(AuditLog audit, CancellationToken cancellationToken) =>
        TypedResults.Ok(await audit.VerifyAsync(cancellationToken));

    private static async Task ExportAsync(
        HttpContext http, IDbContextFactory<PreviewsDbContext> contexts, CancellationToken cancellationToken,
        string? team = null, string? action = null, Guid? environmentId = null, string? actor = null)
    {
        if (CheckFilters(team, action, actor) is { } invalid)
        {
            await invalid.ToResult().ExecuteAsync(http);
            return;
        }

        http.Response.ContentType = "application/x-ndjson";
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        long after = 0;
        while (true)
        {
            var rows = await Filter(db, team, action, environmentId, actor).Where(a => a.Sequence > after).OrderBy(a => a.Sequence).Take(MaxPage).ToListAsync(cancellationToken);
            foreach (var row in rows)
            {
                await http.Response.WriteAsync(JsonSerializer.Serialize(ToView(row), s_json) + "\n", cancellationToken);
                after = row.Sequence;
            }

            if (rows.Count < MaxPage)
            {
                return;
            }
        }
    }

    private static Refusal? CheckFilters(string? team, string? action, string? actor)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (field, value) in new[] { ("team", team), ("action", action), ("actor", actor) })
        {
            if (TextInput.CheckVisible(field, value) is { } error)
            {
                errors[field] = [error];
            }
        }

        return errors.Count == 0 ? null : Refusal.Invalid(errors);
    }

    private static IQueryable<AuditRecord> Filter(PreviewsDbContext db, string? team, string? action, Guid? environmentId, string? actor)
    {
        var query = db.AuditEntries.AsNoTracking();
        if (team is not null)
        {
            query = query.Where(a => a.Team == team);
        }

        if (action is not null)
        {
            query = query.Where(a => a.Action == action);
        }

        if (environmentId is not null)
        {
            query = query.Where(a => a.EnvironmentId == environmentId);
        }

        if (actor is not null)
        {
            query = query.Where(a => a.Actor == actor);
        }

        return query;
    }

    private static AuditEntryView ToView(AuditRecord a) =>
        new(a.Sequence, a.At, a.Actor, a.Team, a.Action, a.EnvironmentId, a.Outcome, a.RequestId, a.SourceAddress, a.PreviousHash, a.Hash);
}
