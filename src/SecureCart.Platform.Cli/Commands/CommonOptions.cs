using System.CommandLine;

namespace SecureCart.Platform.Cli.Commands;

/// <summary>Options several commands share.</summary>
internal static class CommonOptions
{
    public static Option<string?> Project() => new("--project")
    {
        Description = "Folder holding Pulumi.yaml (default: the current folder or the nearest parent that has one)",
    };

    public static Option<string> Stack() => new("--stack", "-s")
    {
        Description = "Stack name, as in Pulumi.<stack>.yaml (e.g. prod-us)",
        Required = true,
    };

    public static Option<bool> Json() => new("--json")
    {
        Description = "Write JSON instead of tables",
    };
}
