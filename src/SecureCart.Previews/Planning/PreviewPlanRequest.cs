namespace SecureCart.Previews.Planning;

public sealed record PreviewPlanRequest(Guid EnvironmentId, string Team, string Name, string Size, string? GitRef, string? ImageTag);
