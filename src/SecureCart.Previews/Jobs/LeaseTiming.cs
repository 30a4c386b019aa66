using SecureCart.Previews.Options;

namespace SecureCart.Previews.Jobs;

/// <summary>How often a running operation renews its lease, how fast it retries, and how early it stops its engine.</summary>
internal sealed record LeaseTiming(TimeSpan Lease, TimeSpan RenewEvery, TimeSpan RetryEvery, TimeSpan SafetyMargin)
{
    public static LeaseTiming From(WorkerOptions worker)
    {
        ArgumentNullException.ThrowIfNull(worker);
        var lease = TimeSpan.FromSeconds(worker.LeaseSeconds);

        // Renewing also reads the cancel flag, so it runs at the poll interval, and at least six times per lease so
        // that a failed renewal leaves several retries before the margin is reached.
        var every = TimeSpan.FromMilliseconds(Math.Min(worker.PollMilliseconds, lease.TotalMilliseconds / 6));
        var retry = TimeSpan.FromMilliseconds(Math.Max(50, Math.Min(every.TotalMilliseconds, lease.TotalMilliseconds / 20)));

        // A quarter of the lease: the time the engine gets to stop, plus room for clock skew between replicas.
        return new LeaseTiming(lease, every, retry, lease / 4);
    }
}
