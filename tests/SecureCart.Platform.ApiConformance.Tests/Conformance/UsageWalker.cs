using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SecureCart.Platform.ApiConformance.Tests.Declarations;
using SecureCart.Platform.ApiConformance.Tests.Numeric;

namespace SecureCart.Platform.ApiConformance.Tests.Conformance;

/// <summary>
/// Walks one file's syntax (no semantic model: the Pulumi assemblies are not here) and checks every provider type,
/// object-initializer property, enum member and resource output it can attribute to a type. What it cannot
/// attribute (a `var` whose type is not visible, a target-typed `new()` with no known target) is a finding, so the
/// program is written explicitly enough to be checked.
/// </summary>
internal sealed partial class UsageWalker(
    SourceFile file, TypeNameResolver names, KnownTypeNames known, MemberChecker members, NumericChecker numbers, ConformanceReport report)
    : CSharpSyntaxWalker
{
    private static readonly HashSet<string> s_functionMembers = new(StringComparer.Ordinal) { "Invoke", "InvokeAsync" };
    private readonly HashSet<SyntaxNode> _checkedImplicit = [];

    public override void VisitUsingDirective(UsingDirectiveSyntax node)
    {
        if (node.Name is not null && names.Resolve(TypeNameResolver.Dotted(node.Name), node) is NameResolution.Missing missing)
        {
            Add(FindingKind.UnknownType, node, $"using {missing.FullName}: {missing.Reason}");
        }
    }

    public override void VisitFileScopedNamespaceDeclaration(FileScopedNamespaceDeclarationSyntax node)
    {
        VisitList(node.Usings);
        VisitList(node.Members);
    }

    public override void VisitNamespaceDeclaration(NamespaceDeclarationSyntax node)
    {
        VisitList(node.Usings);
        VisitList(node.Members);
    }

    public override void VisitQualifiedName(QualifiedNameSyntax node)
    {
        if (node.Parent is QualifiedNameSyntax or ObjectCreationExpressionSyntax)
        {
            base.VisitQualifiedName(node);
            return;
        }

        Reference(names.Resolve(TypeNameResolver.Dotted(node), node), node);
        base.VisitQualifiedName(node);
    }

    public override void VisitObjectCreationExpression(ObjectCreationExpressionSyntax node)
    {
        TypeSyntax typeSyntax = node.Type is QualifiedNameSyntax { Right: GenericNameSyntax } or GenericNameSyntax ? node.Type : node.Type;
        NameResolution resolution = names.Resolve(TypeNameResolver.Dotted(typeSyntax), node);
        ApiType? api = Reference(resolution, node);
        if (resolution is NameResolution.Other && typeSyntax is SimpleNameSyntax simple && names.ImportsProviderNamespaces)
        {
            int arity = simple is GenericNameSyntax generic ? generic.TypeArgumentList.Arguments.Count : 0;
            if (!known.IsKnown(simple.Identifier.ValueText, arity, names.Namespaces))
            {
                Add(FindingKind.UnknownType, node, $"new {simple.Identifier.ValueText}: not declared in the repository, the .NET libraries, Pulumi core, or the imported Pulumi.Aws / Pulumi.Awsx namespaces ({string.Join(", ", names.Namespaces.Where(ApiTypeMapper.IsPulumiProviderName))})");
            }
        }

        if (api is { Kind: ApiTypeKind.Input } && node.Initializer is not null)
        {
            CheckInitializer(api, node.Initializer);
        }
        else if (api is { Kind: ApiTypeKind.Resource } && node.ArgumentList is { Arguments.Count: > 1 } arguments
                 && arguments.Arguments[1].Expression is ImplicitObjectCreationExpressionSyntax implicitArgs)
        {
            // `new Vpc("name", new() { … })`: the second argument is the resource's Args class.
            _checkedImplicit.Add(implicitArgs);
            if (api.Module.Interfaces.TryGetValue(api.Owner + "Args", out TsShape? argsShape) && implicitArgs.Initializer is not null)
            {
                CheckInitializer(api with { Kind = ApiTypeKind.Input, Shape = argsShape, CSharpName = api.CSharpName + "Args" }, implicitArgs.Initializer);
            }
        }

        if (api is { Kind: ApiTypeKind.Resource } && node.ArgumentList is { Arguments.Count: > 2 } options
            && options.Arguments[2].Expression is ImplicitObjectCreationExpressionSyntax implicitOptions)
        {
            _checkedImplicit.Add(implicitOptions); // CustomResourceOptions: Pulumi core, checked by the compile harness.
        }

        base.VisitObjectCreationExpression(node);
    }

    public override void VisitImplicitObjectCreationExpression(ImplicitObjectCreationExpressionSyntax node)
    {
        if (!_checkedImplicit.Contains(node))
        {
            TypeSyntax? target = TargetType(node);
            ApiType? api = target is null ? null : Reference(names.Resolve(TypeNameResolver.Dotted(target), target), target, count: false);
            if (api is { Kind: ApiTypeKind.Input } && node.Initializer is not null)
            {
                CheckInitializer(api, node.Initializer);
            }
            else if (target is null && node.Initializer is { Expressions.Count: > 0 })
            {
                LeftToCompiler();
            }
        }

        base.VisitImplicitObjectCreationExpression(node);
    }

    public override void VisitMemberAccessExpression(MemberAccessExpressionSyntax node)
    {
        if (node.IsKind(SyntaxKind.SimpleMemberAccessExpression))
        {
            CheckMemberAccess(node);
        }

        base.VisitMemberAccessExpression(node);
    }

    public override void VisitVariableDeclaration(VariableDeclarationSyntax node)
    {
        if (node.Type.IsVar)
        {
            foreach (VariableDeclaratorSyntax declarator in node.Variables)
            {
                if (declarator.Initializer is null || !IsApparent(declarator.Initializer.Value))
                {
                    LeftToCompiler();
                }
            }
        }

        base.VisitVariableDeclaration(node);
    }

    public override void VisitForEachStatement(ForEachStatementSyntax node)
    {
        if (node.Type.IsVar)
        {
            LeftToCompiler();
        }

        base.VisitForEachStatement(node);
    }

    public override void VisitDeclarationExpression(DeclarationExpressionSyntax node)
    {
        if (node.Type.IsVar)
        {
            LeftToCompiler();
        }

        base.VisitDeclarationExpression(node);
    }

    private void CheckInitializer(ApiType type, InitializerExpressionSyntax initializer)
    {
        foreach (ExpressionSyntax expression in initializer.Expressions)
        {
            if (expression is not AssignmentExpressionSyntax { Left: IdentifierNameSyntax left } assignment)
            {
                continue;
            }

            string? wire = members.Check(type, left.Identifier.ValueText, file.Path, Line(left), isWrite: true);
            if (wire is null || type.Shape is null)
            {
                continue;
            }

            numbers.Check(type, wire, assignment.Right, file.Path, Line(left));

            // new() for an Input<T> / InputList<T> property does not compile (CS1729 / CS8752): the build against the
            // stand-in packages reports it, so the walk only notes it.
            IEnumerable<ImplicitObjectCreationExpressionSyntax> implicitValues = assignment.Right switch
            {
                ImplicitObjectCreationExpressionSyntax single => [single],
                InitializerExpressionSyntax collection => collection.Expressions.OfType<ImplicitObjectCreationExpressionSyntax>(),
                _ => [],
            };
            foreach (ImplicitObjectCreationExpressionSyntax implicitValue in implicitValues)
            {
                _checkedImplicit.Add(implicitValue);
                LeftToCompiler();
            }
        }
    }

    private void CheckMemberAccess(MemberAccessExpressionSyntax node)
    {
        string member = node.Name.Identifier.ValueText;
        bool isLocal = node.Expression is IdentifierNameSyntax identifier && Declared(identifier.Identifier.ValueText, node) is not null;
        if (!isLocal && TypeNameResolver.IsNameChain(node.Expression))
        {
            NameResolution receiver = names.Resolve(TypeNameResolver.Dotted(node.Expression), node);
            switch (receiver)
            {
                case NameResolution.Type { Api: var api }:
                    Reference(receiver, node.Expression);
                    CheckStaticMember(api, member, node);
                    return;
                case NameResolution.Namespace { FullName: var ns }:
                    NameResolution full = names.Resolve($"{ns}.{member}", node);
                    if (full is NameResolution.Missing missing)
                    {
                        Add(FindingKind.UnknownType, node, $"{missing.FullName}: {missing.Reason}");
                    }
                    else if (node.Parent is not MemberAccessExpressionSyntax)
                    {
                        Reference(full, node);
                    }

                    return;
                case NameResolution.Missing:
                    return;
            }
        }

        TypeFact? fact = TypeOf(node.Expression);
        if (fact is { InOutput: false, Api.Kind: ApiTypeKind.Resource or ApiTypeKind.Output or ApiTypeKind.Input })
        {
            members.Check(fact.Api, member, file.Path, Line(node.Name), isWrite: false);
        }
    }

    private void CheckStaticMember(ApiType api, string member, MemberAccessExpressionSyntax node)
    {
        switch (api.Kind)
        {
            case ApiTypeKind.Enum:
                if (api.EnumMembers!.Contains(member))
                {
                    report.EnumMembersChecked++;
                }
                else
                {
                    Add(FindingKind.UnknownEnumMember, node.Name, $"{api.CSharpName}.{member}: enum {api.Module.Name}.{api.Owner} of @pulumi/{api.Package.Name} has no member '{member}'");
                }

                break;
            case ApiTypeKind.Function when !s_functionMembers.Contains(member):
                Add(FindingKind.UnknownOutput, node.Name, $"{api.CSharpName}.{member}: a function class has only Invoke and InvokeAsync");
                break;
            case ApiTypeKind.Resource when member != "Get":
                Add(FindingKind.UnknownOutput, node.Name, $"{api.CSharpName}.{member}: the only static member of a resource class is Get");
                break;
        }
    }

    private ApiType? Reference(NameResolution resolution, SyntaxNode at, bool count = true)
    {
        switch (resolution)
        {
            case NameResolution.Type { Api: var api }:
                if (count)
                {
                    report.TypeReferences++;
                    report.TypesUsed.Add(api.CSharpName);
                }

                return api;
            case NameResolution.Missing missing:
                Add(FindingKind.UnknownType, at, $"{missing.FullName}: {missing.Reason}");
                return null;
            default:
                return null;
        }
    }

    private void Add(FindingKind kind, SyntaxNode at, string message) => report.Findings.Add(new Finding(kind, file.Path, Line(at), message));

    // What this syntax-only walk cannot see (a var, a target-typed new) the build against the stand-in packages
    // checks with the compiler's own binding; it is counted, never reported.
    private void LeftToCompiler() => report.LeftToCompiler++;

    private static int Line(SyntaxNode node) => node.GetLocation().GetLineSpan().StartLinePosition.Line + 1;

    private void VisitList<T>(SyntaxList<T> list)
        where T : SyntaxNode
    {
        foreach (T item in list)
        {
            Visit(item);
        }
    }

}
