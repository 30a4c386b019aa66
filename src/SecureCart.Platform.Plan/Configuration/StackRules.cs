using System.Globalization;

namespace SecureCart.Platform.Plan.Configuration;

/// <summary>Rules between keys of one stack, checked once each key is valid on its own.</summary>
internal static class StackRules
{
    /// <summary>The payment provider's key: a secret every production stack must hold.</summary>
    public const string PaymentsApiKey = "paymentsApiKey";

    /// <summary>The pager's integration URL: a secret every production stack must hold, so an alarm wakes someone.</summary>
    public const string PagerEndpoint = Observability.ObservabilityPlanner.PagerEndpointKey;

    public static void Check(StackSettings s, string file, Func<string, int> lineOf, List<ConfigFault> faults)
    {
        void Fault(string key, string message) =>
            faults.Add(new ConfigFault(file, "securecart:" + key, lineOf(key), message));

        var tasks = s.Tasks;
        if (tasks.Min > tasks.Desired)
        {
            Fault("tasksMin", Invariant($"tasksMin ({tasks.Min}) is above tasksDesired ({tasks.Desired}); lower tasksMin or raise tasksDesired so that min <= desired <= max"));
        }

        if (tasks.Desired > tasks.Max)
        {
            Fault("tasksDesired", Invariant($"tasksDesired ({tasks.Desired}) is above tasksMax ({tasks.Max}); raise tasksMax or lower tasksDesired so that min <= desired <= max"));
        }

        if (tasks.Min * s.Peak.MinTasksMultiplier > tasks.Max)
        {
            Fault("peakMinTasksMultiplier", Invariant($"the peak minimum tasksMin x peakMinTasksMultiplier = {tasks.Min * s.Peak.MinTasksMultiplier} exceeds tasksMax ({tasks.Max}); raise tasksMax or lower the multiplier"));
        }

        if (s.Peak.Start >= s.Peak.End)
        {
            Fault("peakWindowEnd", "the peak window ends before it starts; set peakWindowEnd after peakWindowStart");
        }
        else if (s.Peak.End - s.Peak.Start > TimeSpan.FromDays(31))
        {
            Fault("peakWindowEnd", "the peak window is longer than 31 days; raise the baseline (tasksMin) instead of a month-long peak");
        }

        if (s.Profile == SizeProfile.Production && s.Redis.ReplicasPerShard < 1)
        {
            Fault("redisReplicasPerShard", "production needs at least 1 replica per Redis shard (automatic failover and Multi-AZ require one)");
        }

        if (s.Profile == SizeProfile.Production && s.Rds.BackupRetentionDays < 7)
        {
            Fault("rdsBackupRetentionDays", Invariant($"production keeps at least 7 days of backups, not {s.Rds.BackupRetentionDays}"));
        }

        // Without the key the payments service starts, then fails every charge: refuse the stack before it deploys.
        if (s.Profile == SizeProfile.Production && !s.SecretKeys.Contains(PaymentsApiKey, StringComparer.Ordinal))
        {
            Fault(PaymentsApiKey, $"is required in production (the payments service and the charge and refund functions call the payment provider with it); run 'pulumi config set --secret securecart:{PaymentsApiKey} <key> --stack {s.StackName}'");
        }

        // E-mail alone reaches an inbox, not a person at 3 a.m.: a production stack that pages nobody is refused.
        if (s.Profile == SizeProfile.Production && !s.SecretKeys.Contains(PagerEndpoint, StringComparer.Ordinal))
        {
            Fault(PagerEndpoint, $"is required in production (every alarm topic pages through it; e-mail alone wakes nobody); run 'pulumi config set --secret securecart:{PagerEndpoint} <the pager's HTTPS CloudWatch integration URL> --stack {s.StackName}'");
        }

        if (s.Profile == SizeProfile.Production && s.Rds.InstanceClass.StartsWith("db.t", StringComparison.Ordinal) && s.Rds.ReadReplicas > 0)
        {
            Fault("rdsInstanceClass", $"{s.Rds.InstanceClass} is burstable; production read replicas need a db.r class to keep up with the primary");
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
