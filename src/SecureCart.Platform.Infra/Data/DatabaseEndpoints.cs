using System.Collections.Immutable;
using Pulumi;

namespace SecureCart.Platform.Infra.Data;

/// <summary>What a PostgreSQL client's task is told: where to write, where to read, and what its role may connect as.</summary>
/// <param name="Writer">The proxy's endpoint (pooled writes through the Multi-AZ primary).</param>
/// <param name="Readers">The read replicas' addresses, comma-separated (the client spreads over them); the proxy when the stack has none.</param>
/// <param name="PartnerReader">The standby of the partner region's primary hosted here: the protected stack's orders, read-only until promoted.</param>
/// <param name="ConnectResources">The <c>rds-db:connect</c> resources of the writer and reader users (proxy and replicas).</param>
public sealed record DatabaseEndpoints(
    Output<string> Writer,
    Output<string> Readers,
    Output<string>? PartnerReader,
    string Database,
    string WriterUser,
    string ReaderUser,
    int Port,
    Output<ImmutableArray<string>> ConnectResources);
