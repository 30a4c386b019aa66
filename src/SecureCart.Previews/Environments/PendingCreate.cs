using SecureCart.Previews.Domain;

namespace SecureCart.Previews.Environments;

/// <summary>A create waiting for its transaction: its rows, and the team rules that decide it from the facts.</summary>
internal sealed record PendingCreate(CreateRows Rows, Func<TeamFacts, Refusal?> Rules);
