namespace SecureCart.Platform.Simulation.Model;

/// <summary>
/// Mean latency of a server at utilisation rho, as a single queue (M/M/1): base / (1 - rho). Past saturation
/// the excess is rejected (timed out), so the served part sees rho capped just below 1.
/// </summary>
internal static class Latency
{
    private const double MaxUtilisation = 0.99;

    public static double At(double baseMs, double demand, double capacity)
    {
        if (demand <= 0)
        {
            return baseMs;
        }

        var rho = capacity <= 0 ? MaxUtilisation : Math.Min(MaxUtilisation, demand / capacity);
        return baseMs / (1 - rho);
    }
}
