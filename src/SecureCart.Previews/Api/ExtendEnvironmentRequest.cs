namespace SecureCart.Previews.Api;

/// <param name="Hours">How many hours to add to the expiry; the result must stay within the maximum lifetime.</param>
public sealed record ExtendEnvironmentRequest(int? Hours);
