using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SecureCart.Platform.ApiConformance.Tests.Conformance;

/// <summary>
/// Resolves names as written in one file the way C# would look them up: as written, through a using alias,
/// under each imported namespace (including global usings) and under each enclosing namespace.
/// </summary>
internal sealed class TypeNameResolver
{
    private readonly ApiTypeMapper _mapper;
    private readonly List<string> _namespaces = [];
    private readonly Dictionary<string, string> _aliases = new(StringComparer.Ordinal);

    public TypeNameResolver(CompilationUnitSyntax unit, IEnumerable<UsingDirectiveSyntax> globalUsings, ApiTypeMapper mapper)
    {
        _mapper = mapper;
        foreach (UsingDirectiveSyntax directive in unit.DescendantNodes().OfType<UsingDirectiveSyntax>().Concat(globalUsings))
        {
            if (directive.Name is null || directive.StaticKeyword != default)
            {
                continue;
            }

            string target = Dotted(directive.Name);
            if (directive.Alias is not null)
            {
                _aliases[directive.Alias.Name.Identifier.ValueText] = target;
            }
            else if (!_namespaces.Contains(target))
            {
                _namespaces.Add(target);
            }
        }
    }

    public IReadOnlyList<string> Namespaces => _namespaces;

    /// <summary>True when the file imports a Pulumi.Aws / Pulumi.Awsx namespace (or Pulumi itself, which makes `Aws.X` reachable).</summary>
    public bool ImportsProviderNamespaces =>
        _namespaces.Any(n => n == "Pulumi" || ApiTypeMapper.IsPulumiProviderName(n)) || _aliases.Values.Any(ApiTypeMapper.IsPulumiProviderName);

    public NameResolution Resolve(string dotted, SyntaxNode at)
    {
        dotted = dotted.StartsWith("global::", StringComparison.Ordinal) ? dotted["global::".Length..] : dotted;
        string first = dotted.Split('.')[0];
        string tail = dotted.Length > first.Length ? dotted[first.Length..] : "";
        var anchoredCandidates = new List<string>();
        if (_aliases.TryGetValue(first, out string? aliased))
        {
            anchoredCandidates.Add(aliased + tail);
        }
        else
        {
            anchoredCandidates.Add(dotted);
        }

        // A candidate under a prefix counts as a provider name only when the prefix plus the first segment is one.
        IEnumerable<string> prefixes = _namespaces.Concat(EnclosingNamespaces(at));
        foreach (string prefix in prefixes)
        {
            if (_mapper.Resolve($"{prefix}.{first}") is NameResolution.Namespace or NameResolution.Type)
            {
                anchoredCandidates.Add($"{prefix}.{dotted}");
            }
        }

        NameResolution? best = null;
        foreach (string candidate in anchoredCandidates.Where(ApiTypeMapper.IsPulumiProviderName))
        {
            NameResolution resolution = _mapper.Resolve(candidate);
            if (resolution is NameResolution.Type)
            {
                return resolution;
            }

            if (best is null || (resolution is NameResolution.Namespace && best is NameResolution.Missing))
            {
                best = resolution;
            }
        }

        if (best is NameResolution.Missing && !dotted.Contains('.', StringComparison.Ordinal) && !_aliases.ContainsKey(first))
        {
            // A simple name that no imported provider namespace declares may be anything else.
            return NameResolution.NotPulumi;
        }

        return best ?? NameResolution.NotPulumi;
    }

    public static string Dotted(SyntaxNode name) => name switch
    {
        AliasQualifiedNameSyntax alias => $"{alias.Alias.Identifier.ValueText}::{Dotted(alias.Name)}",
        QualifiedNameSyntax qualified => $"{Dotted(qualified.Left)}.{Dotted(qualified.Right)}",
        MemberAccessExpressionSyntax member when member.IsKind(SyntaxKind.SimpleMemberAccessExpression) => $"{Dotted(member.Expression)}.{member.Name.Identifier.ValueText}",
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        _ => "",
    };

    /// <summary>True for an expression made only of names (`Aws.Rds.InstanceType`), which may name a type.</summary>
    public static bool IsNameChain(ExpressionSyntax expression) => expression switch
    {
        IdentifierNameSyntax => true,
        AliasQualifiedNameSyntax => true,
        MemberAccessExpressionSyntax member => member.IsKind(SyntaxKind.SimpleMemberAccessExpression) && member.Name is IdentifierNameSyntax && IsNameChain(member.Expression),
        _ => false,
    };

    private static IEnumerable<string> EnclosingNamespaces(SyntaxNode at)
    {
        foreach (BaseNamespaceDeclarationSyntax declaration in at.AncestorsAndSelf().OfType<BaseNamespaceDeclarationSyntax>())
        {
            string name = Dotted(declaration.Name);
            for (int dot = name.Length; dot > 0; dot = name.LastIndexOf('.', dot - 1))
            {
                yield return name[..dot];
            }
        }
    }
}
