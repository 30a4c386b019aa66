using System.Net;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SecureCart.Previews.Api;
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
        return group;
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
