using System.Globalization;
using System.Text.RegularExpressions;
using SecureCart.Platform.Plan.Compute;
using SecureCart.Platform.Plan.Network;

namespace SecureCart.Platform.Plan.Configuration;

/// <summary>Turns one stack file into <see cref="StackSettings"/>, or adds a fault for every problem in it.</summary>
internal static partial class StackValidator
{
    private const string Namespace = StackSettingsSchema.ProjectName + ":";
    private const string RegionKey = "aws:region";

    public static StackSettings? Validate(ProjectFile project, StackFile stack, List<ConfigFault> faults)
    {
        var before = faults.Count;
        void Fault(string key, int line, string message) => faults.Add(new ConfigFault(stack.FileName, key, line, message));

        foreach (var (key, value) in stack.Values)
        {
            if (!key.Contains(':', StringComparison.Ordinal))
            {
                Fault(key, value.Line, $"keys must carry a namespace; did you mean '{Namespace}{key}'?");
            }
            else if (key.StartsWith(Namespace, StringComparison.Ordinal) && !StackSettingsSchema.ByName.ContainsKey(key[Namespace.Length..]))
            {
                Fault(key, value.Line, $"unknown key{Suggestion(key[Namespace.Length..])}; known keys: {string.Join(", ", StackSettingsSchema.Keys.Select(k => k.Name))}");
            }
        }

        var region = Region(stack, Fault);
        var values = new Dictionary<string, object>(StringComparer.Ordinal);
        var lines = new Dictionary<string, int>(StringComparer.Ordinal);
        var profile = SizeProfile.Production;
        var secretKeys = new List<string>();

        // The profile is resolved first: it decides which defaults fill the keys the stack leaves unset.
        foreach (var key in StackSettingsSchema.Keys.OrderBy(k => k.Name == "profile" ? 0 : 1))
        {
            var full = Namespace + key.Name;
            if (stack.Values.TryGetValue(full, out var raw))
            {
                lines[key.Name] = raw.Line;
                if (!raw.IsScalar)
                {
                    Fault(full, raw.Line, $"must be a single {ProjectFile.TypeName(key.Type)} value, not a list or mapping");
                    continue;
                }

                if (key.Secret)
                {
                    if (raw.IsSecret)
                    {
                        secretKeys.Add(key.Name);
                    }
                    else
                    {
                        // The value itself is never echoed: it may be the real secret typed in clear.
                        Fault(full, raw.Line, $"is a secret but stored in plain text; run 'pulumi config set --secret {full} <value> --stack {stack.StackName}'");
                    }

                    continue;
                }

                if (raw.IsSecret)
                {
                    Fault(full, raw.Line, "is encrypted, but the plan must read it; store it in plain text (it is not a secret)");
                    continue;
                }

                AddTyped(key, raw.Text, full, raw.Line, values, Fault);
            }
            else if (SizeProfiles.DefaultsFor(profile).TryGetValue(key.Name, out var profileDefault))
            {
                values[key.Name] = profileDefault;
            }
            else if (project.Config.TryGetValue(key.Name, out var declared) && declared.Default is { } projectDefault)
            {
                AddTyped(key, projectDefault.Text, full, 0, values, Fault);
            }
            else if (key.Required)
            {
                Fault(full, 0, $"is required ({key.Description}); run 'pulumi config set {full} <value> --stack {stack.StackName}'");
            }
            else if (!key.Secret)
            {
                Fault(full, 0, $"has no value and Pulumi.yaml declares no default; add 'default:' to its declaration in {ProjectFile.FileName}");
            }

            if (key.Name == "profile" && values.TryGetValue("profile", out var p) && SizeProfiles.Names.Contains((string)p))
            {
                profile = SizeProfiles.Parse((string)p);
            }
        }

        if (faults.Count > before || region is null)
        {
            return null;
        }

        var settings = Build(stack, region, profile, values, secretKeys);
        StackRules.Check(settings, stack.FileName, key => lines.GetValueOrDefault(key), faults);
        return faults.Count > before ? null : settings;
    }

    private static string? Region(StackFile stack, Action<string, int, string> fault)
    {
        if (!stack.Values.TryGetValue(RegionKey, out var region))
        {
            fault(RegionKey, 0, $"is required; run 'pulumi config set aws:region <region> --stack {stack.StackName}'");
            return null;
        }

        if (!RegionPattern().IsMatch(region.Text))
        {
            fault(RegionKey, region.Line, $"'{region.Text}' is not an AWS region name such as us-east-1 or eu-west-1");
            return null;
        }

        // A region without prices still plans and deploys; `securecart cost` names the prices it lacks.
        return region.Text;
    }

    private static void AddTyped(ConfigKeyDefinition key, string text, string full, int line, Dictionary<string, object> values, Action<string, int, string> fault)
    {
        object? typed = key.Type switch
        {
            ConfigValueType.WholeNumber => long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? n : null,
            ConfigValueType.Boolean => text switch { "true" => true, "false" => false, _ => null },
            _ => text,
        };
        if (typed is null)
        {
            fault(full, line, $"'{text}' is not {(key.Type == ConfigValueType.WholeNumber ? "a whole number" : "true or false")}");
            return;
        }

        if (key.Check?.Invoke(typed) is { } problem)
        {
            fault(full, line, problem);
            return;
        }

        values[key.Name] = typed;
    }

    private static StackSettings Build(StackFile stack, string region, SizeProfile profile, Dictionary<string, object> v, List<string> secretKeys)
    {
        int Int(string key) => (int)(long)v[key];
        string Str(string key) => (string)v[key];
        DateTimeOffset Instant(string key) => DateTimeOffset.Parse(Str(key), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

        return new StackSettings
        {
            StackName = stack.StackName,
            Region = region,
            IsHome = (bool)v["home"],
            Profile = profile,
            VpcCidr = Ipv4Cidr.Parse(Str("vpcCidr")),
            Domain = Str("domain"),
            TrafficDial = Int("trafficDial"),
            NatStrategy = Str("natStrategy") == "single" ? NatStrategy.OneForVpc : NatStrategy.PerAz,
            CpuArchitecture = CpuArchitectureNames.Parse(Str("cpuArchitecture")),
            Tasks = new TaskCounts(Int("tasksMin"), Int("tasksDesired"), Int("tasksMax")),
            Peak = new PeakWindow(Instant("peakWindowStart"), Instant("peakWindowEnd"), Int("peakMinTasksMultiplier"), Str("peakWindowRepeat") == "yearly"),
            WorkerSpotPercent = Int("workerSpotPercent"),
            Rds = new RdsSettings(Str("rdsInstanceClass"), Int("rdsReadReplicas"), Int("rdsBackupRetentionDays"), Int("rdsStorageGb")),
            Redis = new RedisSettings(Str("redisNodeType"), Int("redisShards"), Int("redisReplicasPerShard")),
            Api = new ApiThrottleSettings(Int("apiRateLimit"), Int("apiBurstLimit")),
            WafRateLimit = Int("wafRateLimit"),
            WafBotControl = (bool)v["wafBotControl"],
            AlarmEmail = Str("alarmEmail"),
            AuditTrail = Str("auditTrail") == "organization" ? Audit.AuditTrailMode.Organization : Audit.AuditTrailMode.Stack,
            FunctionsRelease = Str("functionsRelease"),
            SecretKeys = secretKeys,
        };
    }

    private static string Suggestion(string name)
    {
        var best = StackSettingsSchema.Keys
            .Select(k => (k.Name, Distance: EditDistance.Between(name.ToLowerInvariant(), k.Name.ToLowerInvariant())))
            .MinBy(x => x.Distance);

        // A third of the longer name may differ: catches a dropped word (rdsReplicas) as well as a typo.
        return best.Distance <= Math.Max(3, Math.Max(name.Length, best.Name.Length) / 3) ? $" (did you mean '{Namespace}{best.Name}'?)" : "";
    }

    [GeneratedRegex(@"^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d$", RegexOptions.CultureInvariant)]
    private static partial Regex RegionPattern();
}
