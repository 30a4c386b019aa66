using System.Reflection;
using Microsoft.Extensions.Options;
using Pulumi.Automation;
using Pulumi.Automation.Commands;

namespace SecureCart.Previews.Automation;

/// <summary>
/// What a replica sets up once, not per operation: the `pulumi` CLI found and version-checked, and the resource
/// plugins installed into the shared plugin folder. A failed set-up is tried again by the next operation.
/// </summary>
internal sealed partial class PulumiInstallation(IOptions<PulumiEngineOptions> options, ILogger<PulumiInstallation> logger) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private PulumiCommand? _command;

    /// <summary>The CLI every workspace of this replica runs; installs the plugins on first use.</summary>
    public async Task<PulumiCommand> CommandAsync(CancellationToken cancellationToken)
    {
        if (_command is { } ready)
        {
            return ready;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            return _command ??= await PrepareAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The plugins to install: the configured ones, else the aws provider matching the Pulumi.Aws the host was built with.</summary>
    public IReadOnlyList<PulumiPluginOptions> Plugins()
    {
        if (options.Value.Plugins.Count > 0)
        {
            return options.Value.Plugins;
        }

        var built = typeof(PulumiInstallation).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "PulumiAwsVersion")?.Value;
        return string.IsNullOrEmpty(built) ? [] : [new PulumiPluginOptions { Name = "aws", Version = built }];
    }

    public void Dispose() => _gate.Dispose();

    private async Task<PulumiCommand> PrepareAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        // One version check per replica: LocalWorkspace's static helpers run `pulumi version` on every call.
        var command = await LocalPulumiCommand.CreateAsync(new LocalPulumiCommandOptions(), cancellationToken);
        using var directory = OperationDirectory.Create(settings.WorkRoot, settings.ResolvedPluginDirectory, "plugins");
        using var workspace = await LocalWorkspace.CreateAsync(
            new LocalWorkspaceOptions
            {
                PulumiCommand = command,
                WorkDir = directory.WorkDir,
                PulumiHome = directory.PulumiHome,
                EnvironmentVariables = PulumiEnvironment.For(settings),
            },
            cancellationToken);
        foreach (var plugin in Plugins())
        {
            // `plugin install` downloads only what the folder lacks, so a pre-filled folder works offline.
            await workspace.InstallPluginAsync(plugin.Name, plugin.Version, PluginKind.Resource, new PluginInstallOptions { ExactVersion = true }, cancellationToken);
            LogPluginReady(logger, plugin.Name, plugin.Version, settings.ResolvedPluginDirectory);
        }

        return command;
    }

    [LoggerMessage(EventId = 2402, Level = LogLevel.Information, Message = "Pulumi plugin {Plugin} {Version} ready in {PluginDirectory}")]
    private static partial void LogPluginReady(ILogger logger, string plugin, string version, string pluginDirectory);
}
