using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using SecureCart.Previews.Auth;
using SecureCart.Previews.Logging;
using SecureCart.Previews.Options;

namespace SecureCart.Previews.FairUse;

/// <summary>
/// Per-key and per-team token buckets on the built-in rate limiter, chained so a request needs a token from both.
/// Callers are told when to come back (Retry-After) and why, as a problem body. Anonymous requests (health, docs)
/// are not limited here: they never reach the state store.
/// </summary>
internal static class RateLimits
{
    /// <summary>Always registered, so the middleware is always in the pipeline; switched off, it has no limiter and admits everything.</summary>
    public static IServiceCollection AddFairUse(this IServiceCollection services, RateLimitOptions limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        return services.AddRateLimiter(o =>
        {
            if (!limits.Enabled)
            {
                return;
            }

            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(c => Bucket(c, "key", limits.KeyRequestsPerSecond, limits.KeyBurst, Key(c.User))),
                PartitionedRateLimiter.Create<HttpContext, string>(c => Bucket(c, "team", limits.TeamRequestsPerSecond, limits.TeamBurst, Team(c.User))));
            o.OnRejected = (context, cancellationToken) => RejectAsync(context, limits, cancellationToken);
        });
    }

    private static RateLimitPartition<string> Bucket(HttpContext context, string kind, int perSecond, int burst, string? owner) =>
        owner is null || !context.User.Identity!.IsAuthenticated
            ? RateLimitPartition.GetNoLimiter("")
            : RateLimitPartition.GetTokenBucketLimiter($"{kind}:{owner}", _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = burst,
                TokensPerPeriod = perSecond,
                ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                QueueLimit = 0,
                AutoReplenishment = true,
            });

    // A key's name is unique only within its team, so the team is part of the key's partition.
    private static string? Key(ClaimsPrincipal user) => Team(user) is { } team ? $"{team}/{user.Identity?.Name}" : null;

    private static string? Team(ClaimsPrincipal user) => user.FindFirst(CallerClaims.Team)?.Value;

    private static async ValueTask RejectAsync(OnRejectedContext context, RateLimitOptions limits, CancellationToken cancellationToken)
    {
        var http = context.HttpContext;
        var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
            : 1;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var logger = http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(RateLimits));
        var team = Team(http.User) ?? "";
        var actor = http.User.Identity?.Name ?? "";
        Log.RateLimited(logger, team, actor, http.Request.Path.Value ?? "");
        var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status429TooManyRequests,
                Type = "https://securecart.example/problems/rate-limited",
                Title = "Too many requests",
                Detail = string.Create(CultureInfo.InvariantCulture,
                    $"Each key may send {limits.KeyRequestsPerSecond} requests a second (bursts of {limits.KeyBurst}) and each team {limits.TeamRequestsPerSecond} (bursts of {limits.TeamBurst}). Retry after {seconds} s; watch an operation's events instead of polling."),
                Extensions = { ["code"] = "rate-limited", ["retryAfterSeconds"] = seconds },
            },
        });
        _ = cancellationToken;
    }
}
