namespace SecureCart.Platform.ApiConformance.Tests.Declarations;

/// <summary>A parsed npm package (`@pulumi/aws` → "aws"); the root folder is the module "index".</summary>
internal sealed class TsPackage(string name, string version)
{
    public const string RootModule = "index";

    public string Name { get; } = name;

    public string Version { get; } = version;

    public Dictionary<string, TsModule> Modules { get; } = new(StringComparer.Ordinal);

    public int FileCount { get; set; }

    public TsModule Module(string name)
    {
        if (!Modules.TryGetValue(name, out TsModule? module))
        {
            module = new TsModule(name);
            Modules.Add(name, module);
        }

        return module;
    }

    public int ResourceCount => Modules.Values.Sum(m => m.Resources.Count);

    public int InputTypeCount => Modules.Values.Sum(m => m.InputTypes.Count);

    public int OutputTypeCount => Modules.Values.Sum(m => m.OutputTypes.Count);

    public int EnumCount => Modules.Values.Sum(m => m.Enums.Count);

    public int FunctionCount => Modules.Values.Sum(m => m.Functions.Count);
}
