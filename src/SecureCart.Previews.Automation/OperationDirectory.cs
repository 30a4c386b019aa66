namespace SecureCart.Previews.Automation;

/// <summary>
/// A work directory and PULUMI_HOME of one operation's own: concurrent create/select on a shared workspace
/// rewrites the same Pulumi.yaml and credentials file and corrupts it. Its PULUMI_HOME/plugins is a link to the
/// replica's shared plugin folder, so the provider installed at start-up is found instead of downloaded again.
/// </summary>
internal sealed class OperationDirectory : IDisposable
{
    private OperationDirectory(string root, string pluginDirectory)
    {
        Root = root;
        WorkDir = Directory.CreateDirectory(Path.Combine(root, "work")).FullName;
        PulumiHome = Directory.CreateDirectory(Path.Combine(root, "home")).FullName;
        // The CLI has no setting for the plugin folder: it is always $PULUMI_HOME/plugins.
        Directory.CreateSymbolicLink(Path.Combine(PulumiHome, "plugins"), Directory.CreateDirectory(pluginDirectory).FullName);
    }

    public string Root { get; }

    public string WorkDir { get; }

    public string PulumiHome { get; }

    public static OperationDirectory Create(string workRoot, string pluginDirectory, string purpose) =>
        new(Path.Combine(workRoot, $"{purpose}-{Guid.NewGuid():N}"), pluginDirectory);

    public void Dispose()
    {
        // A recursive delete removes the plugins link itself, never the shared folder it points at.
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }
}
