using System.Collections.Immutable;
using Pulumi;

namespace SecureCart.Platform.Infra.Compute;

/// <summary>
/// Deployed ARNs of everything a service may be granted, by plan logical name. Tables are this region's copy:
/// the home table in the home stack, this stack's replica elsewhere (a task talks to its own region's replica).
/// </summary>
/// <param name="Secrets">Secrets Manager secrets a grant may name, by plan logical name.</param>
/// <param name="TableKey">The customer-managed key this region's copy of the tables is encrypted with; null when the stack has no tables.</param>
/// <param name="TablesUseAwsOwnedKey">The tables are encrypted with DynamoDB's own key (a preview's): a grant needs no key actions.</param>
public sealed record AccessTargets(
    ImmutableDictionary<string, Output<string>> Tables,
    Output<string>? TableKey,
    ImmutableDictionary<string, Output<string>> Queues,
    ImmutableDictionary<string, Output<string>> Topics,
    ImmutableDictionary<string, Output<string>> Buses,
    ImmutableDictionary<string, Output<string>> StateMachines,
    ImmutableDictionary<string, Output<string>>? Secrets = null,
    bool TablesUseAwsOwnedKey = false);
