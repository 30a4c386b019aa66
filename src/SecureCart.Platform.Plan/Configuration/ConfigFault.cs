namespace SecureCart.Platform.Plan.Configuration;

/// <summary>One thing wrong with the configuration: where it is and what to change.</summary>
/// <param name="File">The file name (Pulumi.yaml or Pulumi.&lt;stack&gt;.yaml).</param>
/// <param name="Key">The full key (<c>securecart:vpcCidr</c>), or empty for a file-level fault.</param>
/// <param name="Line">1-based line in the file, or 0 when the key is absent from the file.</param>
/// <param name="Message">What is wrong and what to change; never contains a secret value.</param>
public sealed record ConfigFault(string File, string Key, int Line, string Message)
{
    public override string ToString()
    {
        var where = Line > 0 ? $"{File}:{Line}" : File;
        return Key.Length == 0 ? $"{where}: {Message}" : $"{where}: {Key}: {Message}";
    }
}
