namespace SecureCart.Previews.State.Reads;

/// <summary>A place in a team's list: the last row a page returned, by the list's sort key.</summary>
internal sealed record EnvironmentPosition(DateTimeOffset CreatedAt, Guid Id);
