using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SecureCart.Platform.ApiConformance.Tests.Conformance;

/// <summary>The walk's small type inference: declared types, apparent initializers, and `GetX.Invoke(…).Apply(r => …)`.</summary>
internal sealed partial class UsageWalker
{
    private static TypeSyntax? TargetType(ImplicitObjectCreationExpressionSyntax node) => node.Parent switch
    {
        EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax declaration } } when !declaration.Type.IsVar => declaration.Type,
        EqualsValueClauseSyntax { Parent: PropertyDeclarationSyntax property } => property.Type,
        EqualsValueClauseSyntax { Parent: ParameterSyntax { Type: { } parameterType } } => parameterType,
        ArrowExpressionClauseSyntax { Parent: PropertyDeclarationSyntax property } => property.Type,
        ReturnStatementSyntax @return => @return.Ancestors().OfType<MethodDeclarationSyntax>().FirstOrDefault()?.ReturnType,
        _ => null,
    };

    private bool IsApparent(ExpressionSyntax value) => value switch
    {
        ObjectCreationExpressionSyntax or ArrayCreationExpressionSyntax or CastExpressionSyntax or LiteralExpressionSyntax
            or InterpolatedStringExpressionSyntax or DefaultExpressionSyntax or TypeOfExpressionSyntax => true,
        BinaryExpressionSyntax binary => binary.IsKind(SyntaxKind.AsExpression),
        ParenthesizedExpressionSyntax parenthesized => IsApparent(parenthesized.Expression),
        InvocationExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "nameof" } } => true,
        AwaitExpressionSyntax awaited => IsStaticCallOnKnownType(awaited.Expression),
        InvocationExpressionSyntax => IsStaticCallOnKnownType(value),
        _ => false,
    };

    // `Vpc.Get(…)`, `GetVpc.Invoke(…)`, `Output.Format(…)`, `string.Join(…)`: a static call names its type on the line.
    private bool IsStaticCallOnKnownType(ExpressionSyntax expression)
    {
        if (expression is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax member })
        {
            return false;
        }

        if (member.Expression is PredefinedTypeSyntax)
        {
            return true;
        }

        if (!TypeNameResolver.IsNameChain(member.Expression)
            || (member.Expression is IdentifierNameSyntax local && Declared(local.Identifier.ValueText, member) is not null))
        {
            return false;
        }

        string dotted = TypeNameResolver.Dotted(member.Expression);
        if (names.Resolve(dotted, member) is NameResolution.Type)
        {
            return true;
        }

        // Repository types may return anything; library and Pulumi core types are not provider resources.
        string last = dotted.Split('.')[^1];
        return known.IsKnown(last, 0, names.Namespaces) && !known.IsDeclaredInRepository(last);
    }

    private TypeFact? TypeOf(ExpressionSyntax expression)
    {
        switch (expression)
        {
            case ParenthesizedExpressionSyntax parenthesized:
                return TypeOf(parenthesized.Expression);
            case ObjectCreationExpressionSyntax creation:
                return FactOf(creation.Type, creation);
            case CastExpressionSyntax cast:
                return FactOf(cast.Type, cast);
            case IdentifierNameSyntax identifier:
                return Declared(identifier.Identifier.ValueText, identifier)?.Fact;
            case MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax } thisMember:
                return MemberOfEnclosingType(thisMember.Name.Identifier.ValueText, thisMember);
            case AwaitExpressionSyntax awaited when FunctionCall(awaited.Expression, "InvokeAsync") is { } asyncResult:
                return new TypeFact(asyncResult, InOutput: false);
            case InvocationExpressionSyntax invocation when FunctionCall(invocation, "Invoke") is { } result:
                return new TypeFact(result, InOutput: true);
            case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Get" } getter }
                when TypeNameResolver.IsNameChain(getter.Expression)
                     && names.Resolve(TypeNameResolver.Dotted(getter.Expression), getter) is NameResolution.Type { Api.Kind: ApiTypeKind.Resource } resource:
                return new TypeFact(resource.Api, InOutput: false);
            default:
                return null;
        }
    }

    // `GetX.Invoke(…)` / `GetX.InvokeAsync(…)` → GetXResult.
    private ApiType? FunctionCall(ExpressionSyntax expression, string method)
    {
        if (expression is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax member }
            || member.Name.Identifier.ValueText != method || !TypeNameResolver.IsNameChain(member.Expression)
            || names.Resolve(TypeNameResolver.Dotted(member.Expression), member) is not NameResolution.Type { Api.Kind: ApiTypeKind.Function } function)
        {
            return null;
        }

        return function.Api.Module.Interfaces.TryGetValue(function.Api.Owner + "Result", out Declarations.TsShape? shape)
            ? function.Api with { CSharpName = function.Api.CSharpName + "Result", Kind = ApiTypeKind.Output, Shape = shape }
            : null;
    }

    private TypeFact? FactOf(TypeSyntax type, SyntaxNode at)
    {
        switch (type)
        {
            case NullableTypeSyntax nullable:
                return FactOf(nullable.ElementType, at);
            case GenericNameSyntax { Identifier.ValueText: "Output" or "Input", TypeArgumentList.Arguments: [var inner] }:
                return FactOf(inner, at) is { } wrapped ? wrapped with { InOutput = true } : null;
            case NameSyntax name when names.Resolve(TypeNameResolver.Dotted(name), at) is NameResolution.Type { Api: var api }:
                return new TypeFact(api, InOutput: false);
            default:
                return null;
        }
    }

    /// <summary>
    /// Finds the declaration of <paramref name="name"/> seen from <paramref name="at"/> (local, parameter, foreach or lambda
    /// variable, field, property); null when nothing declares it, so the name may be a type.
    /// </summary>
    private Declaration? Declared(string name, SyntaxNode at)
    {
        foreach (SyntaxNode scope in at.Ancestors())
        {
            switch (scope)
            {
                case BlockSyntax block:
                    foreach (LocalDeclarationStatementSyntax statement in block.Statements.OfType<LocalDeclarationStatementSyntax>())
                    {
                        if (statement.Declaration.Variables.FirstOrDefault(v => v.Identifier.ValueText == name) is { } variable)
                        {
                            return new Declaration(statement.Declaration.Type.IsVar
                                ? (variable.Initializer is null ? null : TypeOf(variable.Initializer.Value))
                                : FactOf(statement.Declaration.Type, statement));
                        }
                    }

                    break;
                case ForEachStatementSyntax loop when loop.Identifier.ValueText == name:
                    return new Declaration(loop.Type.IsVar ? null : FactOf(loop.Type, loop));
                case SimpleLambdaExpressionSyntax simple when simple.Parameter.Identifier.ValueText == name:
                    return new Declaration(simple.Parameter.Type is { } simpleType ? FactOf(simpleType, simple) : LambdaParameter(simple));
                case ParenthesizedLambdaExpressionSyntax lambda when lambda.ParameterList.Parameters.FirstOrDefault(p => p.Identifier.ValueText == name) is { } parameter:
                    return new Declaration(parameter.Type is { } parameterType ? FactOf(parameterType, lambda)
                        : lambda.ParameterList.Parameters.Count == 1 ? LambdaParameter(lambda) : null);
                case BaseMethodDeclarationSyntax method when method.ParameterList.Parameters.FirstOrDefault(p => p.Identifier.ValueText == name) is { } methodParameter:
                    return new Declaration(methodParameter.Type is null ? null : FactOf(methodParameter.Type, method));
                case LocalFunctionStatementSyntax function when function.ParameterList.Parameters.FirstOrDefault(p => p.Identifier.ValueText == name) is { } functionParameter:
                    return new Declaration(functionParameter.Type is null ? null : FactOf(functionParameter.Type, function));
                case TypeDeclarationSyntax type:
                    return DeclaredIn(type, name);
            }
        }

        return null;
    }

    private TypeFact? MemberOfEnclosingType(string name, SyntaxNode at) =>
        at.Ancestors().OfType<TypeDeclarationSyntax>().FirstOrDefault() is { } type ? DeclaredIn(type, name)?.Fact : null;

    private Declaration? DeclaredIn(TypeDeclarationSyntax type, string name)
    {
        if (type.ParameterList?.Parameters.FirstOrDefault(p => p.Identifier.ValueText == name) is { Type: { } primary })
        {
            return new Declaration(FactOf(primary, type));
        }

        foreach (MemberDeclarationSyntax member in type.Members)
        {
            switch (member)
            {
                case PropertyDeclarationSyntax property when property.Identifier.ValueText == name:
                    return new Declaration(FactOf(property.Type, property));
                case FieldDeclarationSyntax field when field.Declaration.Variables.Any(v => v.Identifier.ValueText == name):
                    return new Declaration(FactOf(field.Declaration.Type, field));
            }
        }

        return null;
    }

    // `GetX.Invoke(…).Apply(r => r.Names)`: the parameter is GetXResult.
    private TypeFact? LambdaParameter(LambdaExpressionSyntax lambda) =>
        lambda.Parent is ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Apply" } apply } } }
        && TypeOf(apply.Expression) is { InOutput: true } output
            ? output with { InOutput = false }
            : null;

    /// <summary>A declared name; <see cref="Fact"/> is null when its type is not a provider type or not known.</summary>
    private sealed record Declaration(TypeFact? Fact);
}
