using Pulumi;
using Pulumi.Aws.AppAutoScaling;
using Pulumi.Aws.AppAutoScaling.Inputs;
using SecureCart.Platform.Plan.Data;

namespace SecureCart.Platform.Infra.Data;

/// <summary>
/// Application Auto Scaling for a provisioned table's copy in this region: one scalable target and one target
/// tracking policy per dimension. Application Auto Scaling is regional, so the home stack scales the table and each
/// replica stack scales its replica, all with the plan's one set of bounds.
/// </summary>
internal static class TableScaling
{
    public static void Register(ComponentResource parent, DynamoTablePlan table, string tableName, Resource dependsOn)
    {
        if (table.Capacity.Provisioned is not { } capacity)
        {
            return;
        }

        Dimension(parent, table.LogicalName, tableName, "read", "dynamodb:table:ReadCapacityUnits", "DynamoDBReadCapacityUtilization", capacity.MinReadUnits, capacity.MaxReadUnits, capacity, dependsOn);
        Dimension(parent, table.LogicalName, tableName, "write", "dynamodb:table:WriteCapacityUnits", "DynamoDBWriteCapacityUtilization", capacity.MinWriteUnits, capacity.MaxWriteUnits, capacity, dependsOn);
    }

    private static void Dimension(ComponentResource parent, string logical, string tableName, string kind, string dimension, string metric, int min, int max, ProvisionedCapacityPlan capacity, Resource dependsOn)
    {
        var target = new Target($"{logical}-{kind}-scaling", new TargetArgs
        {
            ServiceNamespace = "dynamodb",
            ResourceId = $"table/{tableName}",
            ScalableDimension = dimension,
            MinCapacity = min,
            MaxCapacity = max,
        }, new CustomResourceOptions { Parent = parent, DependsOn = { dependsOn } });
        _ = new Policy($"{logical}-{kind}-tracking", new PolicyArgs
        {
            PolicyType = "TargetTrackingScaling",
            ServiceNamespace = target.ServiceNamespace,
            ResourceId = target.ResourceId,
            ScalableDimension = target.ScalableDimension,
            TargetTrackingScalingPolicyConfiguration = new PolicyTargetTrackingScalingPolicyConfigurationArgs
            {
                TargetValue = capacity.TargetUtilizationPercent,
                ScaleInCooldown = capacity.ScaleInCooldownSeconds,
                ScaleOutCooldown = capacity.ScaleOutCooldownSeconds,
                PredefinedMetricSpecification = new PolicyTargetTrackingScalingPolicyConfigurationPredefinedMetricSpecificationArgs { PredefinedMetricType = metric },
            },
        }, new CustomResourceOptions { Parent = parent });
    }
}
