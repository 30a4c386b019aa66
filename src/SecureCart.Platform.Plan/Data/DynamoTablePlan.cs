using System.Collections.Immutable;

namespace SecureCart.Platform.Plan.Data;

/// <summary>
/// A DynamoDB global table. Its name is the same in every region (a global table has one name), so it carries
/// no stack name. The home region holds the table; every other stack's region holds a replica.
/// </summary>
public sealed record DynamoTablePlan(
    string LogicalName,
    string Name,
    string HashKey,
    string? RangeKey,
    ImmutableArray<TableAttributePlan> Attributes,
    string? TimeToLiveAttribute,
    TableCapacityPlan Capacity,
    string StreamViewType,
    bool PointInTimeRecovery,
    bool DeletionProtection,
    string KmsKeyAlias,
    string HomeRegion,
    ImmutableArray<string> ReplicaRegions,
    GlobalTableRole Role,
    bool Protect);
