namespace SecureCart.Platform.Review;

/// <summary>How a replacement runs, seen from the order of its `create-replacement` and `delete-replaced` steps.</summary>
public enum ReplaceStrategy
{
    /// <summary>Not a replacement.</summary>
    None,

    /// <summary>Only a `replace` step: the order is not in the file (`--show-replacement-steps` shows it).</summary>
    Unspecified,

    /// <summary>The new resource is created before the old one is deleted (Pulumi's default).</summary>
    CreateBeforeDelete,

    /// <summary>The old resource is deleted first (`deleteBeforeReplace`, or a name that must be unique): downtime.</summary>
    DeleteBeforeReplace,
}
