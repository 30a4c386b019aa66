namespace SecureCart.Previews.DeveloperConsole;

/// <summary>The console's events: ids 2600-2699.</summary>
internal static partial class ConsoleLog
{
    [LoggerMessage(EventId = 2600, Level = LogLevel.Information, Message = "Console sign-in by {Actor} of team {Team}")]
    public static partial void SignedIn(ILogger logger, string actor, string team);

    [LoggerMessage(EventId = 2601, Level = LogLevel.Information, Message = "Console sign-in refused: {Reason}")]
    public static partial void SignInRefused(ILogger logger, string reason);
}
