namespace SecureCart.Previews.Automation;

/// <summary>
/// A work directory and PULUMI_HOME of one operation's own: concurrent create/select on a shared workspace
/// rewrites the same Pulumi.yaml and credentials file and corrupts it.
/// </summary>
internal sealed class OperationDirectory : IDisposable
{
    private OperationDirectory(string root)
    {
        Root = root;
        WorkDir = Directory.CreateDirectory(Path.Combine(root, "work")).FullName;
        PulumiHome = Directory.CreateDirectory(Path.Combine(root, "home")).FullName;
    }

    public string Root { get; }
    public string WorkDir { get; }
    public string PulumiHome { get; }

    public static OperationDirectory Create(string workRoot, Guid operationId, string purpose) =>
        new(Path.Combine(workRoot, $"{operationId:N}-{purpose}-{Guid.NewGuid():N}"));

    public void Dispose()
    {
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }
}
