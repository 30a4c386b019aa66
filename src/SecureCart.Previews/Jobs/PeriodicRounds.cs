namespace SecureCart.Previews.Jobs;

/// <summary>The loop every scheduled job shares: a round each interval until the host stops.</summary>
internal static class PeriodicRounds
{
    /// <summary>
    /// Runs <paramref name="round"/> every <paramref name="interval"/>. A failed round (the database unreachable, a
    /// lease lost) is handed to <paramref name="fault"/> and the next tick tries again: one bad round must not end the
    /// job or the host.
    /// </summary>
    public static async Task RunAsync(
        TimeSpan interval, TimeProvider time, Func<CancellationToken, Task> round, Action<Exception> fault, CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await round(stoppingToken);
                }
#pragma warning disable CA1031 // See the summary: any failure of one round is logged, not fatal.
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
#pragma warning restore CA1031
                {
                    fault(ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }
}
