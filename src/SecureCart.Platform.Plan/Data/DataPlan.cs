using System.Collections.Immutable;

namespace SecureCart.Platform.Plan.Data;

/// <summary>The stack's data stores.</summary>
public sealed record DataPlan(RdsPlan Rds, ImmutableArray<DynamoTablePlan> Tables, RedisPlan Redis);
