using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace SecureCart.Platform.ApiConformance.Tests.Conformance;

/// <summary>
/// Decides whether a simple type name written in `new X(…)` is something other than a provider type: declared in
/// the repository, a .NET library type under an imported namespace, or Pulumi core / Automation (which have no
/// npm declarations; the local compile harness checks those).
/// </summary>
internal sealed class KnownTypeNames(IReadOnlySet<string> declaredInRepository)
{
    public static readonly ImmutableArray<string> ImplicitUsings =
        ["System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Threading", "System.Threading.Tasks"];

    private static readonly HashSet<string> s_pulumiCore = new(StringComparer.Ordinal)
    {
        "Alias", "AssetArchive", "ComponentResource", "ComponentResourceOptions", "Config", "CustomResource",
        "CustomResourceOptions", "CustomTimeouts", "FileArchive", "FileAsset", "Input", "InputList", "InputMap",
        "InputUnion", "InvokeArgs", "InvokeOptions", "InvokeOutputOptions", "Output", "ProviderResource", "RemoteArchive",
        "RemoteAsset", "ResourceArgs", "ResourceException", "ResourceOptions", "RunException", "Stack", "StackReference",
        "StackReferenceArgs", "StringAsset", "TestOptions", "ConfigValue", "DestroyOptions", "InlineProgramArgs",
        "LocalProgramArgs", "LocalWorkspace", "LocalWorkspaceOptions", "PreviewOptions", "ProjectBackend", "ProjectRuntime",
        "ProjectSettings", "RefreshOptions", "StackSettings", "UpOptions",
    };

    private static readonly Lazy<CSharpCompilation> s_runtime = new(() => CSharpCompilation.Create(
        "runtime-types",
        references: ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(p => p.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
            .Select(p => MetadataReference.CreateFromFile(p))));

    public bool IsDeclaredInRepository(string name) => declaredInRepository.Contains(name);

    public bool IsKnown(string name, int arity, IEnumerable<string> namespaces)
    {
        if (declaredInRepository.Contains(name) || s_pulumiCore.Contains(name))
        {
            return true;
        }

        string metadataName = arity > 0 ? $"{name}`{arity}" : name;
        return namespaces.Concat(ImplicitUsings).Any(ns => s_runtime.Value.GetTypeByMetadataName($"{ns}.{metadataName}") is not null);
    }
}
