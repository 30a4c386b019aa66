using SecureCart.Previews.Options;

namespace SecureCart.Previews.DeveloperConsole;

/// <summary>
/// Why a sign-in through the issuer did not end in a session, told to the person on the sign-in page. Only the
/// reason's code travels in the address (never an exception message or a token); the words are ours. The page
/// itself answers 200: it is the sign-in form again with the reason on top (a browser would log any other status
/// as a console error), and the failed step (the callback) is the answer that carried the failure.
/// </summary>
internal sealed record SignInProblem(string Code, string Title, string Detail)
{
    public const string NoTeam = "no-team";
    public const string Unmatched = "unmatched";
    public const string Unreachable = "issuer-unreachable";
    public const string Refused = "issuer-refused";
    public const string Failed = "failed";

    /// <summary>Null for a code this service never sends (the page then shows no banner).</summary>
    public static SignInProblem? Describe(string? code, ConsoleOidcOptions oidc, JwtOptions claims)
    {
        ArgumentNullException.ThrowIfNull(oidc);
        ArgumentNullException.ThrowIfNull(claims);
        var issuer = oidc.DisplayName;
        return code switch
        {
            NoTeam => new(code, "Your account has no team",
                $"You signed in at {issuer}, but what it says about you has no '{claims.TeamClaim}' claim, so the console cannot tell whose environments "
                + $"to show. Ask whoever runs {issuer} to give your account a '{claims.TeamClaim}' claim with your team's name (in the id token), then sign in again; "
                + "or sign in with an API key of your team."),
            Unmatched => new(code, "This sign-in could not be finished",
                "The answer from the identity provider did not match a sign-in started in this browser (it was started in another browser or tab, "
                + "took more than 15 minutes, or the address was changed). Start again."),
            Unreachable => new(code, $"{issuer} did not answer",
                $"The console could not reach {issuer} to sign you in. Try again in a minute; if it keeps failing, tell the platform team. "
                + "An API key of your team works meanwhile."),
            Refused => new(code, $"{issuer} refused the sign-in",
                $"{issuer} did not sign you in to the console (you cancelled, or it does not let you use this application). Start again, or ask whoever runs {issuer}."),
            Failed => new(code, "The sign-in did not complete",
                $"The console could not use what {issuer} sent back. Start again; if it keeps failing, tell the platform team."),
            _ => null,
        };
    }
}
