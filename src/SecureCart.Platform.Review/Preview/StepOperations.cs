namespace SecureCart.Platform.Review.Preview;

/// <summary>The `op` values the engine writes (`display.StepOp` / `apitype.OpType`).</summary>
public static class StepOperations
{
    public const string Same = "same";
    public const string Create = "create";
    public const string Update = "update";
    public const string Delete = "delete";
    public const string Replace = "replace";
    public const string CreateReplacement = "create-replacement";
    public const string DeleteReplaced = "delete-replaced";
    public const string Read = "read";
    public const string ReadReplacement = "read-replacement";
    public const string Refresh = "refresh";
    public const string ReadDiscard = "discard";
    public const string DiscardReplaced = "discard-replaced";
    public const string RemovePendingReplace = "remove-pending-replace";
    public const string Import = "import";
    public const string ImportReplacement = "import-replacement";

    private static readonly HashSet<string> s_known =
    [
        Same, Create, Update, Delete, Replace, CreateReplacement, DeleteReplaced, Read, ReadReplacement, Refresh,
        ReadDiscard, DiscardReplaced, RemovePendingReplace, Import, ImportReplacement,
    ];

    public static bool IsKnown(string op) => s_known.Contains(op);

    /// <summary>The steps that together make one replacement of a resource.</summary>
    public static bool IsReplacementPart(string op) =>
        op is Replace or CreateReplacement or DeleteReplaced or ReadReplacement or ImportReplacement or DiscardReplaced;
}
