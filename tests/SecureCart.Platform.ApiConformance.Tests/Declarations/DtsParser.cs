using System.Text.Json;
using System.Text.RegularExpressions;

namespace SecureCart.Platform.ApiConformance.Tests.Declarations;

/// <summary>
/// Reads the generated `.d.ts` files of a Pulumi provider package with anchored line regexes. The generator's
/// layout is rigid (one declaration per line, four-space indents), so a changed layout shows up as zero counts,
/// which the tests assert against.
/// </summary>
internal static partial class DtsParser
{
    // Folders that are not modules of the C# SDK: `classic` is awsx's hand-written TypeScript-only API.
    private static readonly HashSet<string> s_skippedFolders = new(StringComparer.Ordinal) { "types", "node_modules", "classic" };

    public static TsPackage Parse(string packageDirectory, string packageName)
    {
        using JsonDocument manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(packageDirectory, "package.json")));
        string version = manifest.RootElement.GetProperty("version").GetString() ?? "";
        var package = new TsPackage(packageName, version);

        ParseModuleFolder(package, packageDirectory, TsPackage.RootModule);
        foreach (string folder in Directory.EnumerateDirectories(packageDirectory))
        {
            string name = Path.GetFileName(folder);
            if (!s_skippedFolders.Contains(name))
            {
                ParseModuleFolder(package, folder, name);
            }
        }

        string types = Path.Combine(packageDirectory, "types");
        ParseNestedTypes(package, Path.Combine(types, "input.d.ts"), m => m.InputTypes);
        ParseNestedTypes(package, Path.Combine(types, "output.d.ts"), m => m.OutputTypes);
        string enums = Path.Combine(types, "enums");
        if (Directory.Exists(enums))
        {
            ParseEnums(package, Path.Combine(enums, "index.d.ts"), TsPackage.RootModule);
            foreach (string folder in Directory.EnumerateDirectories(enums))
            {
                ParseEnums(package, Path.Combine(folder, "index.d.ts"), Path.GetFileName(folder));
            }
        }

        return package;
    }

    private static void ParseModuleFolder(TsPackage package, string folder, string moduleName)
    {
        foreach (string file in Directory.EnumerateFiles(folder, "*.d.ts"))
        {
            string fileName = Path.GetFileName(file);
            if (fileName is "index.d.ts" or "utilities.d.ts")
            {
                continue;
            }

            package.FileCount++;
            ParseDeclarationFile(package.Module(moduleName), File.ReadAllLines(file));
        }
    }

    private static void ParseDeclarationFile(TsModule module, string[] lines)
    {
        TsShape? open = null;
        foreach (string line in lines)
        {
            if (open is not null)
            {
                if (line == "}")
                {
                    open = null;
                    continue;
                }

                Match member = MemberLine().Match(line);
                if (member.Success)
                {
                    open.Properties[member.Groups["name"].Value] = member.Groups["type"].Value;
                }

                continue;
            }

            Match match = ClassLine().Match(line);
            if (match.Success)
            {
                open = new TsShape(match.Groups["name"].Value);
                module.Resources[open.Name] = new TsResource(open.Name, match.Groups["base"].Value, open);
                continue;
            }

            match = InterfaceLine().Match(line);
            if (match.Success)
            {
                open = new TsShape(match.Groups["name"].Value);
                module.Interfaces[open.Name] = open;
                continue;
            }

            match = FunctionLine().Match(line);
            if (match.Success)
            {
                module.Functions.Add(match.Groups["name"].Value);
            }
        }
    }

    private static void ParseNestedTypes(TsPackage package, string file, Func<TsModule, Dictionary<string, TsShape>> select)
    {
        TsModule current = package.Module(TsPackage.RootModule);
        TsShape? open = null;
        foreach (string line in File.ReadLines(file))
        {
            Match match = NamespaceLine().Match(line);
            if (match.Success)
            {
                current = package.Module(match.Groups["name"].Value);
                continue;
            }

            if (line == "}")
            {
                // Closes either a root-level interface or a module namespace.
                open = null;
                current = package.Module(TsPackage.RootModule);
                continue;
            }

            match = RootInterfaceLine().Match(line);
            if (match.Success)
            {
                open = new TsShape(match.Groups["name"].Value);
                select(package.Module(TsPackage.RootModule))[open.Name] = open;
                continue;
            }

            match = NestedInterfaceLine().Match(line);
            if (match.Success)
            {
                open = new TsShape(match.Groups["name"].Value);
                select(current)[open.Name] = open;
                continue;
            }

            if (line == "    }")
            {
                open = null;
                continue;
            }

            if (open is null)
            {
                continue;
            }

            Match member = (current.Name == TsPackage.RootModule ? MemberLine() : NestedMemberLine()).Match(line);
            if (member.Success)
            {
                open.Properties[member.Groups["name"].Value] = member.Groups["type"].Value;
            }
        }
    }

    private static void ParseEnums(TsPackage package, string file, string moduleName)
    {
        if (!File.Exists(file))
        {
            return;
        }

        TsModule module = package.Module(moduleName);
        HashSet<string>? open = null;
        foreach (string line in File.ReadLines(file))
        {
            Match match = EnumLine().Match(line);
            if (match.Success)
            {
                open = new HashSet<string>(StringComparer.Ordinal);
                module.Enums[match.Groups["name"].Value] = open;
                continue;
            }

            if (line == "};")
            {
                open = null;
                continue;
            }

            if (open is not null && EnumMemberLine().Match(line) is { Success: true } member)
            {
                open.Add(member.Groups["name"].Value);
            }
        }
    }

    [GeneratedRegex(@"^export declare class (?<name>\w+) extends pulumi\.(?<base>CustomResource|ComponentResource|ProviderResource) \{$")]
    private static partial Regex ClassLine();

    [GeneratedRegex(@"^export interface (?<name>\w+) \{$")]
    private static partial Regex InterfaceLine();

    [GeneratedRegex(@"^export declare function (?<name>\w+)\(")]
    private static partial Regex FunctionLine();

    // Class members are `readonly x: …`; interface members are `x?: …`. `static` members never match.
    [GeneratedRegex(@"^    (?:readonly )?(?<name>[A-Za-z_$][\w$]*)[!?]?: (?<type>.*)$")]
    private static partial Regex MemberLine();

    [GeneratedRegex(@"^export declare namespace (?<name>\w+) \{$")]
    private static partial Regex NamespaceLine();

    [GeneratedRegex(@"^export interface (?<name>\w+) \{$")]
    private static partial Regex RootInterfaceLine();

    [GeneratedRegex(@"^    interface (?<name>\w+) \{$")]
    private static partial Regex NestedInterfaceLine();

    [GeneratedRegex(@"^        (?<name>[A-Za-z_$][\w$]*)\??: (?<type>.*)$")]
    private static partial Regex NestedMemberLine();

    [GeneratedRegex(@"^export declare const (?<name>\w+): \{$")]
    private static partial Regex EnumLine();

    [GeneratedRegex(@"^    readonly (?<name>\w+): ")]
    private static partial Regex EnumMemberLine();
}
