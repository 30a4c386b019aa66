using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SecureCart.Previews.Api;
using SecureCart.Previews.Audit;
using SecureCart.Previews.Auth;
using SecureCart.Previews.Domain;
using SecureCart.Previews.Environments;
using SecureCart.Previews.Logging;
using SecureCart.Previews.Notices;
using SecureCart.Previews.Options;
using SecureCart.Previews.State;
using SecureCart.Previews.State.Entities;

namespace SecureCart.Previews.Endpoints;

/// <summary>
/// The extend link of a notice. The signed token is the credential, so no sign-in. GET only shows a button: mail
/// scanners and link previews fetch links, and must not spend the one extension; the button POSTs.
/// </summary>
internal static class NoticeEndpoints
{
    public static RouteGroupBuilder MapNoticeEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(ExtendLinks.Path).WithTags("Notices").AllowAnonymous();
        group.MapGet("/", Confirm).WithSummary("The page behind a notice's extend link: one button that extends (changes nothing itself)");
        group.MapPost("/", ExtendAsync).WithSummary("Extend by the notice's hours, once per link, until the expiry it warned about").DisableAntiforgery();
        app.MapPut("/v1/environments/{id:guid}/notice-webhook", SetWebhookAsync).WithTags("Notices").RequireAuthorization()
            .WithSummary("This environment's notices go to this webhook instead of its team's (url null: back to the team's)");
        return group;
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> SetWebhookAsync(
        Guid id, NoticeWebhookRequest request, ClaimsPrincipal user, HttpContext http, IDbContextFactory<PreviewsDbContext> contexts, AuditLog audit,
        IOptions<NoticeOptions> options, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var caller = user.ToCaller();
        if (!settings.Enabled || (settings.WebhookSecret ?? "").Length < 32)
        {
            return Refusal.Conflict("notices-off", "Webhook notices are not configured", "This service sends no webhook notices (Previews:Notices:Enabled and Previews:Notices:WebhookSecret); ask the platform team.").ToResult();
        }

        if (request.Url is { } url && (TextInput.CheckVisible("url", url) is not null || url.Length > 2_048
            || !Uri.TryCreate(url, UriKind.Absolute, out var parsed) || !(parsed.Scheme == "https" || (settings.AllowHttpWebhooks && parsed.Scheme == "http"))))
        {
            var schemes = settings.AllowHttpWebhooks ? "an absolute http(s) URL" : "an absolute https URL";
            return Refusal.Invalid(new Dictionary<string, string[]> { ["url"] = [$"url must be {schemes} of at most 2048 characters, or null for the team's webhook."] }).ToResult();
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!await db.Environments.AnyAsync(e => e.Id == id && e.Team == caller.Team, cancellationToken))
        {
            return Refusal.NotFound("Environment", id).ToResult();
        }

        await db.NoticeTargets.Where(t => t.EnvironmentId == id).ExecuteDeleteAsync(cancellationToken);
        if (request.Url is not null)
        {
            db.NoticeTargets.Add(new NoticeTargetRecord { EnvironmentId = id, WebhookUrl = request.Url });
        }

        var origin = http.Origin();
        await audit.StageAsync(db, new(caller.Actor, caller.Team, "environment.notice-webhook", id, request.Url is null ? "team webhook" : "own webhook " + new Uri(request.Url).Host, origin.RequestId, origin.SourceAddress), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    private static ContentHttpResult Confirm([FromQuery] string? token, ExtendLinks links, IOptions<NoticeOptions> options) =>
        links.Read(token) switch
        {
            ExtendToken.Valid valid => Page(HttpStatusCode.OK, $"Keep this preview {options.Value.ExtendHours} hours longer?",
                $"""<form method="post" action="{ExtendLinks.Path}"><input type="hidden" name="token" value="{WebUtility.HtmlEncode(token)}"><button type="submit">Extend by {options.Value.ExtendHours} hours</button></form><p>It expires at {valid.ExpiresAt:yyyy-MM-dd HH:mm} UTC.</p>"""),
            ExtendToken.Expired => Page(HttpStatusCode.Gone, "This link has expired", "<p>The environment's expiry has passed.</p>"),
            ExtendToken.Invalid invalid => Page(HttpStatusCode.BadRequest, "This link is not valid", $"<p>{WebUtility.HtmlEncode(invalid.Reason)}.</p>"),
            _ => throw new InvalidOperationException("unknown token"),
        };

    private static async Task<Results<Ok<ExtendedView>, ProblemHttpResult>> ExtendAsync(
        [FromForm] string? token,
        ExtendLinks links,
        IDbContextFactory<PreviewsDbContext> contexts,
        EnvironmentLifecycle lifecycle,
        IOptions<NoticeOptions> options,
        HttpContext http,
        ILogger<ExtendLinks> logger,
        CancellationToken cancellationToken)
    {
        switch (links.Read(token))
        {
            case ExtendToken.Invalid invalid:
                return TypedResults.Problem(invalid.Reason + ".", statusCode: StatusCodes.Status400BadRequest, title: "Invalid extend link", type: "invalid-link");
            case ExtendToken.Expired expired:
                return TypedResults.Problem($"The link was good until the environment's expiry at {expired.ExpiresAt:O}.", statusCode: StatusCodes.Status410Gone, title: "Extend link expired", type: "link-expired");
            case ExtendToken.Valid valid:
                EnvironmentRecord? environment;
                await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
                {
                    environment = await db.Environments.AsNoTracking().SingleOrDefaultAsync(e => e.Id == valid.EnvironmentId, cancellationToken);
                }

                if (environment is null)
                {
                    return Refusal.NotFound("Environment", valid.EnvironmentId).ToResult();
                }

                var caller = new CallerIdentity("extend-link", environment.Team, IsAdmin: false);
                var outcome = await lifecycle.ExtendAsync(caller, environment.Id, options.Value.ExtendHours, valid.ExpiresAt, http.Origin(), cancellationToken);
                if (outcome is CommandOutcome<EnvironmentRecord>.Accepted accepted)
                {
                    Log.ExtendedByLink(logger, accepted.Value.Id, accepted.Value.ExpiresAt);
                    return TypedResults.Ok(new ExtendedView(accepted.Value.Id, accepted.Value.Team, accepted.Value.Name, accepted.Value.ExpiresAt));
                }

                return ((CommandOutcome<EnvironmentRecord>.Refused)outcome).Refusal.ToResult();
            default:
                throw new InvalidOperationException("unknown token");
        }
    }

    private static ContentHttpResult Page(HttpStatusCode status, string title, string body) =>
        TypedResults.Content(
            $"""<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>{title}</title></head><body><h1>{title}</h1>{body}</body></html>""",
            "text/html; charset=utf-8", statusCode: (int)status);
}
