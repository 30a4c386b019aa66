namespace SecureCart.Previews.DeveloperConsole;

/// <summary>The console's events: ids 2600-2699.</summary>
internal static partial class ConsoleLog
{
    [LoggerMessage(EventId = 2600, Level = LogLevel.Information, Message = "Console sign-in by {Actor} of team {Team}")]
    public static partial void SignedIn(ILogger logger, string actor, string team);

    [LoggerMessage(EventId = 2601, Level = LogLevel.Information, Message = "Console sign-in refused: {Reason}")]
    public static partial void SignInRefused(ILogger logger, string reason);

    [LoggerMessage(EventId = 2602, Level = LogLevel.Warning, Message = "Console sign-in through the issuer refused: subject {Subject} has no {TeamClaim} claim")]
    public static partial void SignInWithoutTeam(ILogger logger, string subject, string teamClaim);

    [LoggerMessage(EventId = 2603, Level = LogLevel.Warning, Message = "Console sign-in through the issuer did not complete ({Problem})")]
    public static partial void IssuerSignInFailed(ILogger logger, string problem, Exception? exception);
}
