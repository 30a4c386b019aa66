namespace SecureCart.Platform.Plan.Observability;

/// <summary>
/// One window pair of a multi-window burn-rate alert: the error ratio over the long window and over the short one both
/// exceed <see cref="BurnRate"/> times the error budget. The long window proves the burn is real, the short one that
/// it is still going on (so the alert resets soon after a fix).
/// </summary>
public sealed record BurnRateWindow(string Name, int LongSeconds, int ShortSeconds, double BurnRate)
{
    /// <summary>2 % of a 30-day budget in an hour: pages within minutes of a hard outage.</summary>
    public static BurnRateWindow Fast { get; } = new("fast", 3600, 300, 14.4);

    /// <summary>5 % of the budget in six hours: a slow leak that would still empty the budget in five days.</summary>
    public static BurnRateWindow Slow { get; } = new("slow", 21600, 1800, 6);

    public static IReadOnlyList<BurnRateWindow> All { get; } = [Fast, Slow];

    /// <summary>The error ratio above which a window alarms, for an SLO target such as 0.999.</summary>
    public double Threshold(double sloTarget) => BurnRate * (1 - sloTarget);

    public static string Label(int seconds) => seconds % 3600 == 0 ? $"{seconds / 3600}h" : $"{seconds / 60}m";
}
