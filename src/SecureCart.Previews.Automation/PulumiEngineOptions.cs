using System.ComponentModel.DataAnnotations;

namespace SecureCart.Previews.Automation;

internal sealed class PulumiEngineOptions
{
    public const string Section = "Previews:Pulumi";

    /// <summary>State backend: "s3://bucket/prefix", "file:///path" or "https://api.pulumi.com" (Pulumi Cloud, token in PULUMI_ACCESS_TOKEN).</summary>
    [Required]
    public string BackendUrl { get; set; } = "";

    [Required]
    public string ProjectName { get; set; } = "securecart-previews";

    /// <summary>Where each operation gets its own work directory and PULUMI_HOME; removed when the operation ends.</summary>
    [Required]
    public string WorkRoot { get; set; } = Path.Combine(Path.GetTempPath(), "securecart-previews");

    /// <summary>
    /// The replica's plugin folder, shared by every operation's PULUMI_HOME; installed into once at start-up. Point
    /// it at a folder baked into the image to run with no network at all. Empty means "plugins" under WorkRoot.
    /// </summary>
    public string PluginDirectory { get; set; } = "";

    /// <summary>Resource plugins installed at start-up, e.g. { Name: aws, Version: 7.48.0 }; defaults to the Pulumi.Aws the host was built with.</summary>
    public List<PulumiPluginOptions> Plugins { get; set; } = [];

    /// <summary>e.g. "awskms://alias/securecart-previews"; empty means the backend's default.</summary>
    public string? SecretsProvider { get; set; }

    /// <summary>How often an operation tries again when its stack is locked (the first try included).</summary>
    [Range(1, 20)]
    public int LockAttempts { get; set; } = 5;

    /// <summary>Wait before the second try; doubled after each, up to <see cref="LockMaxDelaySeconds"/>.</summary>
    [Range(0.0, 600.0)]
    public double LockFirstDelaySeconds { get; set; } = 5;

    [Range(0.0, 3600.0)]
    public double LockMaxDelaySeconds { get; set; } = 60;

    /// <summary>Listener slots a new environment tries before it gives up (each refused one was taken by another).</summary>
    [Range(1, 1000)]
    public int ListenerSlotProbes { get; set; } = 16;

    /// <summary>Passed to the Pulumi CLI (AWS_PROFILE, PULUMI_ACCESS_TOKEN…); never logged.</summary>
    public Dictionary<string, string> EnvironmentVariables { get; set; } = new(StringComparer.Ordinal);

    public string ResolvedPluginDirectory => string.IsNullOrWhiteSpace(PluginDirectory) ? Path.Combine(WorkRoot, "plugins") : PluginDirectory;
}
