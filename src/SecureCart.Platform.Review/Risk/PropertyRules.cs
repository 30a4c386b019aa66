using System.Globalization;
using System.Text.Json;
using SecureCart.Platform.Review.Preview;

namespace SecureCart.Platform.Review.Risk;

/// <summary>The rules that compare one property's old and new value, driven by <see cref="Rows"/>.</summary>
public sealed class PropertyRules : IRiskRule
{
    public static readonly RiskRuleInfo ProtectionRemoved = new(
        "SC002", "protection-removed", Severity.High, "Protection against deletion is turned off",
        "With `protect` or deletion protection off, the next mistaken delete or replacement destroys the resource and its data without any further prompt.",
        "Keep `protect: true` and deletion protection on in production; turn them off only in a separate, reviewed change right before a planned removal.");

    public static readonly RiskRuleInfo BackupRetentionLowered = new(
        "SC003", "backup-retention-lowered", Severity.Medium, "Backup retention is lowered or point-in-time recovery is off",
        "Fewer days of backups means an incident found late cannot be recovered from; lowering retention also deletes the older backups at once.",
        "Keep the retention the plan sets for production (7 days or more) and point-in-time recovery on.");

    public static readonly RiskRuleInfo MultiAzOff = new(
        "SC004", "multi-az-off", Severity.High, "Multi-AZ or automatic failover is turned off",
        "A single-AZ database or cache goes down with its availability zone, and the change itself can restart it.",
        "Keep Multi-AZ and automatic failover on in production stacks.");

    public static readonly RiskRuleInfo EncryptionOff = new(
        "SC005", "encryption-off", Severity.High, "Encryption at rest or in transit is off",
        "Unencrypted storage or traffic breaks the PCI DSS scope the shop runs under, and turning encryption on later means replacing the resource.",
        "Set storage / at-rest / in-transit encryption on when the resource is created (with the stack's KMS key).");

    public static readonly RiskRuleInfo TrafficShift = new(
        "SC009", "traffic-shift", Severity.Medium, "Global Accelerator traffic dial or endpoint weights change",
        "The traffic dial and endpoint weights decide how much of the world each region serves; a change moves live customers between regions.",
        "Shift traffic in steps during a planned window with the other region healthy, and watch error rates; say so in the change description.");

    public static readonly RiskRuleInfo ScalingBelowFloor = new(
        "SC010", "scaling-below-floor", Severity.Medium, "A scaling minimum drops below the production floor",
        "Below the plan's floor a service no longer has a task in every availability zone, so one AZ failure or deployment takes it down.",
        "Keep minimum capacity and desired count at or above the plan's production floor; lower the plan, not the stack, if the floor should change.");

    public static readonly IReadOnlyList<PropertyRuleRow> Rows =
    [
        new(ProtectionRemoved, "*", "@protect", ChangeCondition.TurnedOff),
        new(ProtectionRemoved, "aws:rds/instance:Instance", "deletionProtection", ChangeCondition.TurnedOff),
        new(ProtectionRemoved, "aws:rds/cluster:Cluster", "deletionProtection", ChangeCondition.TurnedOff),
        new(ProtectionRemoved, "aws:rds/instance:Instance", "skipFinalSnapshot", ChangeCondition.TurnedOn),
        new(ProtectionRemoved, "aws:rds/cluster:Cluster", "skipFinalSnapshot", ChangeCondition.TurnedOn),
        new(ProtectionRemoved, "aws:dynamodb/table:Table", "deletionProtectionEnabled", ChangeCondition.TurnedOff),
        new(ProtectionRemoved, "aws:lb/loadBalancer:LoadBalancer", "enableDeletionProtection", ChangeCondition.TurnedOff),
        new(BackupRetentionLowered, "aws:rds/instance:Instance", "backupRetentionPeriod", ChangeCondition.Lowered),
        new(BackupRetentionLowered, "aws:rds/cluster:Cluster", "backupRetentionPeriod", ChangeCondition.Lowered),
        new(BackupRetentionLowered, "aws:elasticache/replicationGroup:ReplicationGroup", "snapshotRetentionLimit", ChangeCondition.Lowered),
        new(BackupRetentionLowered, "aws:dynamodb/table:Table", "pointInTimeRecovery.enabled", ChangeCondition.TurnedOff),
        new(MultiAzOff, "aws:rds/instance:Instance", "multiAz", ChangeCondition.TurnedOff),
        new(MultiAzOff, "aws:elasticache/replicationGroup:ReplicationGroup", "multiAzEnabled", ChangeCondition.TurnedOff),
        new(MultiAzOff, "aws:elasticache/replicationGroup:ReplicationGroup", "automaticFailoverEnabled", ChangeCondition.TurnedOff),
        new(EncryptionOff, "aws:rds/instance:Instance", "storageEncrypted", ChangeCondition.TurnedOffOrCreatedOff, AbsentMeansOff: true),
        new(EncryptionOff, "aws:rds/cluster:Cluster", "storageEncrypted", ChangeCondition.TurnedOffOrCreatedOff, AbsentMeansOff: true),
        new(EncryptionOff, "aws:elasticache/replicationGroup:ReplicationGroup", "atRestEncryptionEnabled", ChangeCondition.TurnedOffOrCreatedOff, AbsentMeansOff: true),
        new(EncryptionOff, "aws:elasticache/replicationGroup:ReplicationGroup", "transitEncryptionEnabled", ChangeCondition.TurnedOffOrCreatedOff, AbsentMeansOff: true),
        new(EncryptionOff, "aws:dynamodb/table:Table", "serverSideEncryption.enabled", ChangeCondition.TurnedOff),
        new(EncryptionOff, "aws:ebs/volume:Volume", "encrypted", ChangeCondition.TurnedOffOrCreatedOff, AbsentMeansOff: true),
        new(EncryptionOff, "aws:efs/fileSystem:FileSystem", "encrypted", ChangeCondition.TurnedOffOrCreatedOff, AbsentMeansOff: true),
        new(TrafficShift, "aws:globalaccelerator/endpointGroup:EndpointGroup", "trafficDialPercentage", ChangeCondition.Changed),
        new(TrafficShift, "aws:globalaccelerator/endpointGroup:EndpointGroup", "endpointConfigurations", ChangeCondition.Changed),
        new(ScalingBelowFloor, "aws:appautoscaling/target:Target", "minCapacity", ChangeCondition.BelowFloor),
        new(ScalingBelowFloor, "aws:autoscaling/group:Group", "minSize", ChangeCondition.BelowFloor),
        new(ScalingBelowFloor, "aws:ecs/service:Service", "desiredCount", ChangeCondition.BelowFloor),
    ];

    public IEnumerable<RiskRuleInfo> Rules => Rows.Select(r => r.Rule).Distinct();

    public IEnumerable<RiskFinding> Evaluate(PreviewStep change, ReviewPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(policy);
        if (!RiskFindings.Changes(change, policy))
        {
            yield break;
        }

        // A `same` step of a preview carries the old state too: only then can an option turned off be seen.
        var creating = change.Old is null || change.Op is StepOperations.Create or StepOperations.Import;
        foreach (var row in Rows)
        {
            if (row.Type != "*" && row.Type != change.Type)
            {
                continue;
            }

            var oldValue = creating ? default : Read(change.Old!, row.Property);
            var newValue = Read(change.New!, row.Property);
            if (Fires(row, creating, oldValue, newValue, policy))
            {
                var what = row.Property == "@protect" ? "the `protect` resource option" : $"`{row.Property}`";
                var detail = creating
                    ? $"{what} is {ValueText.Brief(ValueText.Format(newValue, row.Property))} on {change.Urn.Name}"
                    : $"{what} on {change.Urn.Name} changes from {ValueText.Brief(ValueText.Format(oldValue, row.Property))} to {ValueText.Brief(ValueText.Format(newValue, row.Property))}";
                yield return RiskFindings.For(row.Rule, change, detail);
            }
        }
    }

    // Read for every changed resource: parsed once, not once a step.
    private static readonly JsonElement s_true = JsonElement.Parse("true");
    private static readonly JsonElement s_false = JsonElement.Parse("false");

    private static JsonElement Read(ResourceState state, string property)
    {
        if (property == "@protect")
        {
            return state.Protect ? s_true : s_false;
        }

        return PropertyPath.Resolve(state.Inputs, property);
    }

    private static bool Fires(PropertyRuleRow row, bool creating, JsonElement old, JsonElement now, ReviewPolicy policy)
    {
        bool? Flag(JsonElement v) => v.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.String when bool.TryParse(v.GetString(), out var b) => b,
            JsonValueKind.Undefined or JsonValueKind.Null when row.AbsentMeansOff => false,
            _ => null,
        };
        static double? Number(JsonElement v) => v.ValueKind switch
        {
            JsonValueKind.Number => v.GetDouble(),
            JsonValueKind.String when double.TryParse(v.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
            _ => null,
        };

        return row.Condition switch
        {
            ChangeCondition.TurnedOff => !creating && Flag(old) == true && Flag(now) == false,
            ChangeCondition.TurnedOffOrCreatedOff => creating ? Flag(now) == false : Flag(old) == true && Flag(now) == false,
            ChangeCondition.TurnedOn => !creating && Flag(old) != true && Flag(now) == true,
            ChangeCondition.Lowered => !creating && Number(old) is { } o && Number(now) is { } n && n < o,
            ChangeCondition.Changed => !creating && !SecretValues.IsSecret(now)
                && (old.ValueKind != now.ValueKind || (old.ValueKind != JsonValueKind.Undefined && !JsonElement.DeepEquals(old, now))),
            ChangeCondition.BelowFloor => Number(now) is { } n && n < policy.ProductionCapacityFloor && (creating || Number(old) is not { } o || n < o),
            _ => false,
        };
    }
}
