using Microsoft.Extensions.Logging.Abstractions;
using SecureCart.Platform.Plan.Compute;
using SecureCart.Platform.Plan.Cost;
using SecureCart.Previews.Engine;
using SecureCart.Previews.Planning;

namespace SecureCart.Previews.Automation.Tests.Support;

/// <summary>One replica of the service's Pulumi engine: its own installation and plugin folder, the fake's shared world.</summary>
internal sealed class Replica : IDisposable
{
    private static readonly PlatformPreviewPlanner s_planner = new(
        new("preview-base", "eu-west-1", "shop.securecart.example", CpuArchitecture.Arm64), PriceBook.Default);

    public Replica(FakePulumi fake, Action<PulumiEngineOptions>? configure = null, TimeProvider? time = null)
    {
        Options = new PulumiEngineOptions
        {
            BackendUrl = "file://" + fake.State,
            WorkRoot = Directory.CreateTempSubdirectory("replica-").FullName,
            Plugins = [new PulumiPluginOptions { Name = "aws", Version = "7.48.0" }],
            LockFirstDelaySeconds = 0,
            LockMaxDelaySeconds = 0,
            EnvironmentVariables = { ["FAKE_PULUMI_STATE"] = fake.State },
        };
        configure?.Invoke(Options);
        var options = Microsoft.Extensions.Options.Options.Create(Options);
        Installation = new PulumiInstallation(options, NullLogger<PulumiInstallation>.Instance);
        Engine = new PulumiPreviewEngine(
            s_planner,
            Installation,
            new StackLockRecovery(options, time ?? TimeProvider.System, NullLogger<StackLockRecovery>.Instance),
            options,
            NullLogger<PulumiPreviewEngine>.Instance);
    }

    public PulumiEngineOptions Options { get; }

    public PulumiInstallation Installation { get; }

    public IPreviewEngine Engine { get; }

    public static EngineRequest Request(string name, string team = "shop")
    {
        var plan = new PreviewPlanRequest(Guid.NewGuid(), team, name, "small", null, "abc123");
        return new EngineRequest(plan, $"preview-{team}-{name}", Guid.NewGuid());
    }

    public void Dispose()
    {
        Installation.Dispose();
        if (Directory.Exists(Options.WorkRoot))
        {
            Directory.Delete(Options.WorkRoot, recursive: true);
        }
    }
}
