namespace SecureCart.Previews.Api;

public sealed record EnvironmentAcceptedView(EnvironmentView Environment, OperationView Operation);
