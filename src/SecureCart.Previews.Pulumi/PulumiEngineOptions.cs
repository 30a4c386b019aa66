namespace SecureCart.Previews.Automation;

internal sealed class PulumiEngineOptions
{
    public const string Section = "Previews:Pulumi";

    /// <summary>State backend: "s3://bucket/prefix" or "https://api.pulumi.com" (Pulumi Cloud, token in PULUMI_ACCESS_TOKEN).</summary>
    public string BackendUrl { get; set; } = "";

    public string ProjectName { get; set; } = "securecart-previews";

    /// <summary>Where each operation gets its own work directory and PULUMI_HOME; removed when the operation ends.</summary>
    public string WorkRoot { get; set; } = Path.Combine(Path.GetTempPath(), "securecart-previews");

    /// <summary>e.g. "awskms://alias/securecart-previews"; empty means the backend's default.</summary>
    public string? SecretsProvider { get; set; }

    /// <summary>Passed to the Pulumi CLI (AWS_PROFILE, PULUMI_ACCESS_TOKEN…); never logged.</summary>
    public Dictionary<string, string> EnvironmentVariables { get; set; } = new(StringComparer.Ordinal);
}
