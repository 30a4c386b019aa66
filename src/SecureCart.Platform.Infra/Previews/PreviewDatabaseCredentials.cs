using Pulumi;

namespace SecureCart.Platform.Infra.Previews;

/// <summary>The password of the preview's own database role, created by the preview service before `up` (a secret).</summary>
public sealed record PreviewDatabaseCredentials(Output<string> Password);
