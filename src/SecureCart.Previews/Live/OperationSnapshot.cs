using System.Collections.Immutable;
using SecureCart.Previews.State.Entities;

namespace SecureCart.Previews.Live;

/// <summary>An operation's state and its events so far, in sequence order, as one read saw them.</summary>
internal sealed record OperationSnapshot(OperationRecord Operation, ImmutableArray<OperationEventRecord> Events);
