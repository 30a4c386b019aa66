using System.Text.Json;

namespace SecureCart.Platform.ApiConformance.Tests.Declarations;

/// <summary>The parsed declarations of `@pulumi/aws` ("aws" ↔ Pulumi.Aws) and `@pulumi/awsx` ("awsx" ↔ Pulumi.Awsx).</summary>
internal sealed class ApiCatalog(TsPackage aws, TsPackage awsx)
{
    private static readonly Lazy<ApiCatalog> s_installed = new(() => Load(RepositoryPaths.DeclarationsFolder));

    public TsPackage Aws { get; } = aws;

    public TsPackage Awsx { get; } = awsx;

    /// <summary>The declarations installed by `npm ci` in eng/api-declarations, parsed once per test run.</summary>
    public static ApiCatalog Installed => s_installed.Value;

    public TsPackage? Package(string name) => name switch
    {
        "aws" => Aws,
        "awsx" => Awsx,
        _ => null,
    };

    public static ApiCatalog Load(string declarationsFolder)
    {
        string scope = Path.Combine(declarationsFolder, "node_modules", "@pulumi");
        string awsFolder = Path.Combine(scope, "aws");
        string awsxFolder = Path.Combine(scope, "awsx");
        if (!File.Exists(Path.Combine(awsFolder, "package.json")) || !File.Exists(Path.Combine(awsxFolder, "package.json")))
        {
            throw new InvalidOperationException(
                $"The @pulumi/aws and @pulumi/awsx declarations are not installed in {declarationsFolder}. " +
                "Run `npm ci --ignore-scripts` in eng/api-declarations (eng/test.sh does this) and run the tests again.");
        }

        var catalog = new ApiCatalog(DtsParser.Parse(awsFolder, "aws"), DtsParser.Parse(awsxFolder, "awsx"));
        CheckPinnedVersions(declarationsFolder, catalog);
        return catalog;
    }

    // The lock file pins the versions; a stale node_modules from another lock would check the wrong API.
    private static void CheckPinnedVersions(string declarationsFolder, ApiCatalog catalog)
    {
        using JsonDocument manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(declarationsFolder, "package.json")));
        JsonElement dependencies = manifest.RootElement.GetProperty("dependencies");
        foreach (TsPackage package in new[] { catalog.Aws, catalog.Awsx })
        {
            string pinned = dependencies.GetProperty("@pulumi/" + package.Name).GetString() ?? "";
            if (pinned != package.Version)
            {
                throw new InvalidOperationException(
                    $"@pulumi/{package.Name} {package.Version} is installed but package.json pins {pinned}. " +
                    "Run `npm ci --ignore-scripts` in eng/api-declarations.");
            }
        }
    }
}
