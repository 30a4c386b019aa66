namespace SecureCart.Previews.Automation;

/// <summary>The environment every Pulumi CLI run of the engine gets.</summary>
internal static class PulumiEnvironment
{
    public static Dictionary<string, string?> For(PulumiEngineOptions settings)
    {
        var variables = settings.EnvironmentVariables.ToDictionary(v => v.Key, v => (string?)v.Value, StringComparer.Ordinal);
        // The CLI otherwise asks the network for a newer release on every run; previews must run offline.
        variables.TryAdd("PULUMI_SKIP_UPDATE_CHECK", "true");
        return variables;
    }
}
