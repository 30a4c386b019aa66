using System.Collections.Immutable;
using SecureCart.Previews.Domain;

namespace SecureCart.Previews.Jobs;

internal sealed record OperationOutcome(OperationStatus Status, string Summary, ImmutableDictionary<string, string> Outputs, string? Error);
