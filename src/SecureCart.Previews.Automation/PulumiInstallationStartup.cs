namespace SecureCart.Previews.Automation;

/// <summary>Installs the plugins while the host starts, so the first operation does not pay for it (or fail offline).</summary>
internal sealed class PulumiInstallationStartup(PulumiInstallation installation) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => installation.CommandAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
