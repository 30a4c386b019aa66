using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SecureCart.Previews.Api;
using SecureCart.Previews.Audit;
using SecureCart.Previews.Auth;
using SecureCart.Previews.Domain;
using SecureCart.Previews.Logging;
using SecureCart.Previews.State;

namespace SecureCart.Previews.Endpoints;

internal static class ApiKeyEndpoints
{
    public static RouteGroupBuilder MapApiKeyEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1/api-keys").WithTags("API keys").RequireAuthorization(CallerClaims.AdminPolicy);
        group.MapPost("/", CreateAsync).WithSummary("Issue a key for a team (admins only); the key is shown once");
        group.MapGet("/", ListAsync).WithSummary("Every key (admins only): team, name, prefix, created and revoked times; never the key");
        group.MapDelete("/{id:guid}", RevokeAsync).WithSummary("Revoke a key (admins only): refused on every replica within the key cache time");
        return group;
    }

    private static async Task<Ok<List<ApiKeyView>>> ListAsync(
        IDbContextFactory<PreviewsDbContext> contexts, CancellationToken cancellationToken, string? team = null, bool includeRevoked = false)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.ApiKeys.AsNoTracking();
        if (team is not null)
        {
            query = query.Where(k => k.Team == team);
        }

        if (!includeRevoked)
        {
            query = query.Where(k => k.RevokedAt == null);
        }

        var keys = await query.OrderBy(k => k.Team).ThenBy(k => k.Name).ToListAsync(cancellationToken);
        return TypedResults.Ok(keys.Select(k => new ApiKeyView(k.Id, k.Team, k.Name, k.IsAdmin, k.Prefix, k.CreatedAt, k.RevokedAt)).ToList());
    }

    private static async Task<Results<Ok<ApiKeyView>, ProblemHttpResult>> RevokeAsync(
        Guid id, ClaimsPrincipal user, HttpContext http, ApiKeys keys, AuditLog audit, IDbContextFactory<PreviewsDbContext> contexts,
        ILogger<ApiKeys> logger, CancellationToken cancellationToken)
    {
        var caller = user.ToCaller();
        var origin = http.Origin();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var record = await keys.RevokeAsync(db, id, cancellationToken);
        if (record is null)
        {
            await transaction.RollbackAsync(cancellationToken);
            return new Refusal(RefusalKind.NotFound, "not-found", "API key not found", $"No API key {id}. List keys with GET /v1/api-keys?includeRevoked=true.").ToResult();
        }

        await audit.AppendAsync(db, new(caller.Actor, record.Team, "apikey.revoke", null, $"revoked: key {record.Prefix}… '{record.Name}'", origin.RequestId, origin.SourceAddress), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        Log.KeyRevoked(logger, record.Id, record.Prefix);
        return TypedResults.Ok(new ApiKeyView(record.Id, record.Team, record.Name, record.IsAdmin, record.Prefix, record.CreatedAt, record.RevokedAt));
    }

    private static async Task<Results<Created<ApiKeyCreatedView>, ProblemHttpResult>> CreateAsync(
        CreateApiKeyRequest request, ClaimsPrincipal user, HttpContext http, ApiKeys keys, AuditLog audit,
        IDbContextFactory<PreviewsDbContext> contexts, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (PreviewNames.ValidateTeam(request.Team) is { } teamError)
        {
            errors["team"] = [teamError];
        }

        if (TextInput.CheckVisible("name", request.Name) is { } invisible)
        {
            errors["name"] = [invisible];
        }
        else if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > 100)
        {
            errors["name"] = ["name is required (1 to 100 characters): who or what uses the key, e.g. 'ci-checkout'."];
        }

        if (errors.Count > 0)
        {
            return Refusal.Invalid(errors).ToResult();
        }

        var caller = user.ToCaller();
        var key = ApiKeys.NewKey();
        var origin = http.Origin();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var record = await keys.AddAsync(db, request.Team!, request.Name!, request.Admin ?? false, key, cancellationToken);
        await audit.AppendAsync(db, new(caller.Actor, request.Team!, "apikey.create", null, $"accepted: key {record.Prefix}… '{record.Name}'{(record.IsAdmin ? " (admin)" : "")}", origin.RequestId, origin.SourceAddress), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Created($"/v1/api-keys/{record.Id}", new ApiKeyCreatedView(record.Id, record.Team, record.Name, record.IsAdmin, key));
    }
}
