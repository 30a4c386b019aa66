using SecureCart.Platform.ApiConformance.Tests.Declarations;

namespace SecureCart.Platform.ApiConformance.Tests.Conformance;

/// <summary>
/// Maps a full C# SDK name onto the declarations: the namespace segment lower-cased is the module folder
/// (Pulumi.Aws.LB ↔ lb, no segment ↔ the package root); the class is the type token's name, with
/// `Args`/`State`; `Inputs.NArgs`/`NGetArgs` ↔ types.input.module.N (Pulumi.Awsx keeps TS names verbatim).
/// </summary>
internal sealed class ApiTypeMapper(ApiCatalog catalog)
{
    private const string AwsPrefix = "Pulumi.Aws";
    private const string AwsxPrefix = "Pulumi.Awsx";

    public static bool IsPulumiProviderName(string fullName) =>
        fullName is AwsPrefix or AwsxPrefix ||
        fullName.StartsWith(AwsPrefix + ".", StringComparison.Ordinal) ||
        fullName.StartsWith(AwsxPrefix + ".", StringComparison.Ordinal);

    public NameResolution Resolve(string fullName)
    {
        if (!IsPulumiProviderName(fullName))
        {
            return NameResolution.NotPulumi;
        }

        bool isAwsx = fullName == AwsxPrefix || fullName.StartsWith(AwsxPrefix + ".", StringComparison.Ordinal);
        TsPackage package = isAwsx ? catalog.Awsx : catalog.Aws;
        string rest = fullName.Length > (isAwsx ? AwsxPrefix : AwsPrefix).Length ? fullName[((isAwsx ? AwsxPrefix : AwsPrefix).Length + 1)..] : "";
        if (rest.Length == 0)
        {
            return new NameResolution.Namespace(fullName);
        }

        List<string> segments = [.. rest.Split('.')];
        string moduleName = TsPackage.RootModule;
        if (segments[0] is not ("Inputs" or "Outputs"))
        {
            string folder = segments[0].ToLowerInvariant();
            if (package.Modules.ContainsKey(folder))
            {
                moduleName = folder;
                segments.RemoveAt(0);
            }
            else if (segments.Count > 1 || !package.Modules[TsPackage.RootModule].Resources.ContainsKey(segments[0]) && !IsRootType(package, segments[0]))
            {
                return new NameResolution.Missing(fullName, $"@pulumi/{package.Name} {package.Version} has no module '{folder}' (from the C# namespace segment '{segments[0]}')");
            }
        }

        TsModule module = package.Modules[moduleName];
        if (segments.Count == 0)
        {
            return new NameResolution.Namespace(fullName);
        }

        if (segments[0] is "Inputs" or "Outputs")
        {
            if (segments.Count == 1)
            {
                return new NameResolution.Namespace(fullName);
            }

            ApiType? nested = segments.Count == 2 ? MapNested(fullName, package, module, segments[0] == "Inputs", segments[1]) : null;
            return nested is null
                ? new NameResolution.Missing(fullName, $"no {(segments[0] == "Inputs" ? "types.input" : "types.output")}.{module.Name}.{NestedBaseName(package, segments[^1])} in @pulumi/{package.Name} {package.Version}")
                : new NameResolution.Type(nested);
        }

        if (segments.Count > 1)
        {
            return new NameResolution.Missing(fullName, $"'{string.Join('.', segments)}' is not a type of module {module.Name}");
        }

        ApiType? type = MapTopLevel(fullName, package, module, segments[0]);
        return type is null
            ? new NameResolution.Missing(fullName, $"module {module.Name} of @pulumi/{package.Name} {package.Version} declares no resource, function, enum or args type for '{segments[0]}'")
            : new NameResolution.Type(type);
    }

    private static bool IsRootType(TsPackage package, string name) =>
        MapTopLevel(name, package, package.Modules[TsPackage.RootModule], name) is not null;

    private static ApiType? MapTopLevel(string fullName, TsPackage package, TsModule module, string name)
    {
        if (module.Resources.TryGetValue(name, out TsResource? resource))
        {
            return new ApiType(fullName, ApiTypeKind.Resource, package, module, name, resource.Outputs, IsCustomResource: resource.IsCustom);
        }

        if (module.Enums.TryGetValue(name, out HashSet<string>? members))
        {
            return new ApiType(fullName, ApiTypeKind.Enum, package, module, name, null, members);
        }

        if (name.StartsWith("Get", StringComparison.Ordinal) && module.Functions.Contains(LowerFirst(name)))
        {
            return new ApiType(fullName, ApiTypeKind.Function, package, module, name, null);
        }

        // GetXInvokeArgs is the C# twin of TypeScript's GetXOutputArgs (the argument of getXOutput).
        if (name.EndsWith("InvokeArgs", StringComparison.Ordinal)
            && module.Interfaces.TryGetValue(name[..^"InvokeArgs".Length] + "OutputArgs", out TsShape? invokeArgs))
        {
            return new ApiType(fullName, ApiTypeKind.Input, package, module, name[..^"InvokeArgs".Length], invokeArgs);
        }

        if (!module.Interfaces.TryGetValue(name, out TsShape? shape))
        {
            return null;
        }

        foreach ((string suffix, ApiTypeKind kind) in new[] { ("Args", ApiTypeKind.Input), ("State", ApiTypeKind.Input), ("Result", ApiTypeKind.Output) })
        {
            if (name.EndsWith(suffix, StringComparison.Ordinal))
            {
                return new ApiType(fullName, kind, package, module, name[..^suffix.Length], shape);
            }
        }

        return null;
    }

    private static ApiType? MapNested(string fullName, TsPackage package, TsModule module, bool input, string name)
    {
        Dictionary<string, TsShape> types = input ? module.InputTypes : module.OutputTypes;
        if (package.Name == "awsx")
        {
            return types.TryGetValue(name, out TsShape? verbatim)
                ? new ApiType(fullName, input ? ApiTypeKind.Input : ApiTypeKind.Output, package, module, name, verbatim)
                : null;
        }

        string baseName = NestedBaseName(package, name);
        if (input && baseName == name)
        {
            return null; // an input type is always NArgs / NGetArgs / NInputArgs in C#.
        }

        // Output types are verbatim, or NResult when reached from a function result; InputArgs is the
        // Input-wrapped twin of a function's plain argument type (TypeScript NArgs).
        string[] candidates = input ? [baseName, baseName + "Args"] : [name, baseName];
        foreach (string candidate in candidates)
        {
            if (types.TryGetValue(candidate, out TsShape? shape))
            {
                return new ApiType(fullName, input ? ApiTypeKind.Input : ApiTypeKind.Output, package, module, candidate, shape);
            }
        }

        return null;
    }

    private static string NestedBaseName(TsPackage package, string name)
    {
        if (package.Name == "awsx")
        {
            return name;
        }

        foreach (string suffix in new[] { "InputArgs", "GetArgs", "Args", "Result" })
        {
            if (name.EndsWith(suffix, StringComparison.Ordinal) && name.Length > suffix.Length)
            {
                return name[..^suffix.Length];
            }
        }

        return name;
    }

    public static string LowerFirst(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];

    public static string UpperFirst(string name) => name.Length == 0 ? name : char.ToUpperInvariant(name[0]) + name[1..];
}
