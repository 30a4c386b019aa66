namespace SecureCart.Previews.Api;

/// <param name="NextAfter">Pass as <c>after</c> to read the next page; null on the last page.</param>
public sealed record AuditPageView(IReadOnlyList<AuditEntryView> Items, long? NextAfter);
