using Pulumi;
using SecureCart.Platform.Infra;

return await Deployment.RunAsync<SecureCartStack>();
