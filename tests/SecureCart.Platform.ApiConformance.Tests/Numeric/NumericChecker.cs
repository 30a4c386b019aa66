using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SecureCart.Platform.ApiConformance.Tests.Conformance;

namespace SecureCart.Platform.ApiConformance.Tests.Numeric;

/// <summary>
/// Decides int against double for the numeric inputs the program sets. The declarations only say <c>number</c>; the
/// table says what the C# SDK declares; the compiler's binding of the program (against the .NET libraries and the
/// plan, the Pulumi types unresolved) says what the program passes. A double where the SDK wants an int, a
/// non-integral constant where it wants an int, or an <c>Output&lt;int&gt;</c> where it wants a double would not compile
/// against the real Pulumi.Aws, although it compiles against the stand-in.
/// </summary>
internal sealed partial class NumericChecker(NumericTypeTable table, Compilation compilation, ConformanceReport report)
{
    private readonly Dictionary<SyntaxTree, SemanticModel> _models = [];

    public void Check(ApiType type, string wire, ExpressionSyntax value, string path, int line)
    {
        if (type.Shape is null || !type.Shape.Properties.TryGetValue(wire, out string? tsType) || !IsNumeric(tsType))
        {
            return;
        }

        string where = $"{type.Module.Name}.{type.Shape.Name}.{wire}";
        NumericFact? fact = table.Find(type.Package.Name, type.Module.Name, type.Shape.Name, wire);
        if (fact is null)
        {
            report.Findings.Add(new Finding(FindingKind.NumericType, path, line,
                $"{where} is a number in @pulumi/{type.Package.Name}, but Overrides/numeric-types.tsv does not say whether the C# SDK takes int or double: add a line read from pulumi/pulumi-aws sdk/dotnet"));
            return;
        }

        report.NumericFactsUsed.Add(fact);
        bool list = tsType.Contains("[]", StringComparison.Ordinal);
        foreach (ExpressionSyntax element in list ? Elements(value) : [value])
        {
            foreach (ExpressionSyntax branch in Branches(element))
            {
                CheckValue(fact, where, branch, path, list ? Line(branch) : line, list && element == value);
            }
        }
    }

    // `x is int v ? v : null` has no type of its own (it is target-typed): each branch is what may be passed.
    private static IEnumerable<ExpressionSyntax> Branches(ExpressionSyntax value) => value switch
    {
        ParenthesizedExpressionSyntax parenthesized => Branches(parenthesized.Expression),
        ConditionalExpressionSyntax conditional => Branches(conditional.WhenTrue).Concat(Branches(conditional.WhenFalse)),
        SwitchExpressionSyntax @switch => @switch.Arms.SelectMany(a => Branches(a.Expression)),
        LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.NullLiteralExpression) || literal.IsKind(SyntaxKind.DefaultLiteralExpression) => [],
        _ => [value],
    };

    private void CheckValue(NumericFact fact, string where, ExpressionSyntax value, string path, int line, bool wholeCollection)
    {
        SemanticModel model = Model(value.SyntaxTree);
        ITypeSymbol? type = model.GetTypeInfo(value).Type;
        if (wholeCollection)
        {
            type = ElementType(type);
        }

        (ValueKind kind, bool inOutput) = Classify(type);
        Optional<object?> constant = model.GetConstantValue(value);
        string sdkType = fact.Kind == NumericKind.Integer ? "int" : "double";
        string text = value.ToString();
        string? fault = (fact.Kind, kind, inOutput) switch
        {
            (NumericKind.Integer, ValueKind.Real, _) when constant is { HasValue: true, Value: var c } && !IsWhole(c) =>
                $"{c} is not a whole number",
            (NumericKind.Integer, ValueKind.Real, _) => $"`{text}` is {Describe(type)}, which does not convert to int",
            (NumericKind.Number, ValueKind.Int, true) => $"`{text}` is {Describe(type)}, and Output<int> does not convert to Input<double>",
            _ => null,
        };
        if (fault is not null)
        {
            report.Findings.Add(new Finding(FindingKind.NumericType, path, line,
                $"{where} is Input<{sdkType}> in Pulumi.Aws C# (Overrides/numeric-types.tsv line {fact.Line}, {fact.Source}): {fault}"));
        }
        else if (kind == ValueKind.Unknown)
        {
            report.Findings.Add(new Finding(FindingKind.NumericType, path, line,
                $"{where} is Input<{sdkType}> in Pulumi.Aws C# (Overrides/numeric-types.tsv line {fact.Line}), but the check cannot type `{text}` " +
                "without the Pulumi assemblies: pass a value whose numeric type the plan or the .NET libraries declare"));
        }
        else
        {
            report.NumericChecked++;
        }
    }

    private SemanticModel Model(SyntaxTree tree)
    {
        if (!_models.TryGetValue(tree, out SemanticModel? model))
        {
            model = compilation.GetSemanticModel(tree);
            _models[tree] = model;
        }

        return model;
    }

    // `pulumi.Input<number | undefined>`, `pulumi.Input<pulumi.Input<number>[]>`: a number, or a list of numbers, and nothing else.
    public static bool IsNumeric(string tsType) => NumberWord().IsMatch(tsType) && !OtherWord().IsMatch(tsType);

    private static IEnumerable<ExpressionSyntax> Elements(ExpressionSyntax value) => value switch
    {
        InitializerExpressionSyntax initializer => initializer.Expressions,
        CollectionExpressionSyntax collection => collection.Elements.OfType<ExpressionElementSyntax>().Select(e => e.Expression),
        ImplicitArrayCreationExpressionSyntax array => array.Initializer.Expressions,
        ArrayCreationExpressionSyntax { Initializer: { } initializer } => initializer.Expressions,
        _ => [value],
    };

    private static ITypeSymbol? ElementType(ITypeSymbol? type) => type switch
    {
        IArrayTypeSymbol array => array.ElementType,
        INamedTypeSymbol { TypeArguments.Length: 1 } generic when generic.Name is not ("Output" or "Input" or "Nullable") => generic.TypeArguments[0],
        _ => type,
    };

    private static (ValueKind Kind, bool InOutput) Classify(ITypeSymbol? type)
    {
        switch (type)
        {
            case null:
                return (ValueKind.Unknown, false);
            case INamedTypeSymbol { Name: "Output" or "Input", TypeArguments.Length: 1 } wrapped:
                return (Classify(wrapped.TypeArguments[0]).Kind, true);
            case INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable:
                return Classify(nullable.TypeArguments[0]);
        }

        return type.SpecialType switch
        {
            SpecialType.System_Byte or SpecialType.System_SByte or SpecialType.System_Int16 or SpecialType.System_UInt16
                or SpecialType.System_Int32 or SpecialType.System_UInt32 or SpecialType.System_Int64 or SpecialType.System_UInt64 => (ValueKind.Int, false),
            SpecialType.System_Single or SpecialType.System_Double or SpecialType.System_Decimal => (ValueKind.Real, false),
            _ => (ValueKind.Unknown, false),
        };
    }

    private static string Describe(ITypeSymbol? type) => type?.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat) ?? "of unknown type";

    private static bool IsWhole(object? constant) => constant switch
    {
        double d => Math.Abs(d % 1) == 0,
        float f => Math.Abs(f % 1) == 0,
        decimal m => m % 1 == 0,
        _ => true,
    };

    private static int Line(SyntaxNode node) => node.GetLocation().GetLineSpan().StartLinePosition.Line + 1;

    [GeneratedRegex(@"\bnumber\b")]
    private static partial Regex NumberWord();

    [GeneratedRegex(@"\b(?:string|boolean|inputs|outputs|enums|any)\b")]
    private static partial Regex OtherWord();

    private enum ValueKind
    {
        Unknown,
        Int,
        Real,
    }
}
