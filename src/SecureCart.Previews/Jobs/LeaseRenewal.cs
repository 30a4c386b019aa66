namespace SecureCart.Previews.Jobs;

/// <param name="Until">The lease end now stored; no other worker may claim before it.</param>
/// <param name="CancelRequested">A user asked to cancel the operation.</param>
internal sealed record LeaseRenewal(DateTimeOffset Until, bool CancelRequested);
