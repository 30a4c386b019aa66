namespace SecureCart.Platform.ApiConformance.Tests.Conformance;

/// <summary>Maps a C# member name onto a TypeScript property: camelCase, or a collision rename from the override table.</summary>
internal sealed class MemberChecker(PropertyRenameTable renames, ConformanceReport report)
{
    private static readonly HashSet<string> s_resourceMembers = new(StringComparer.Ordinal) { "Urn", "GetResourceName", "GetResourceType" };

    /// <summary>Returns the TypeScript name, or null after recording a finding.</summary>
    public string? Check(ApiType type, string csharpName, string path, int line, bool isWrite)
    {
        if (type.Shape is null)
        {
            return null;
        }

        if (type.Kind == ApiTypeKind.Resource && !isWrite
            && (s_resourceMembers.Contains(csharpName) || (csharpName == "Id" && type.IsCustomResource)))
        {
            return csharpName;
        }

        FindingKind missing = isWrite ? FindingKind.UnknownProperty : FindingKind.UnknownOutput;
        PropertyRename? rename = renames.Find(type.Package.Name, type.Module.Name, type.Owner, csharpName);
        if (rename is not null)
        {
            if (rename.Reason.Length == 0)
            {
                report.Findings.Add(new Finding(FindingKind.BadOverride, path, line, $"override line {rename.Line} ({csharpName} ↔ {rename.WireName}) has no reason"));
                return null;
            }

            if (!type.Shape.Properties.ContainsKey(rename.WireName))
            {
                report.Findings.Add(new Finding(FindingKind.BadOverride, path, line, $"override line {rename.Line} maps {csharpName} to '{rename.WireName}', which {type.Describe} does not declare"));
                return null;
            }

            report.OverridesUsed.Add(rename);
            Count(isWrite);
            return rename.WireName;
        }

        string wire = ApiTypeMapper.LowerFirst(csharpName);
        if (!type.Shape.Properties.ContainsKey(wire))
        {
            wire = type.Shape.Properties.Keys.FirstOrDefault(k => ApiTypeMapper.UpperFirst(k) == csharpName) ?? "";
        }

        if (wire.Length == 0)
        {
            report.Findings.Add(new Finding(missing, path, line, $"{type.CSharpName}.{csharpName}: {type.Describe} declares no '{ApiTypeMapper.LowerFirst(csharpName)}'"));
            return null;
        }

        if (IsCollision(type, wire))
        {
            report.Findings.Add(new Finding(FindingKind.CollisionRename, path, line,
                $"{type.CSharpName}.{csharpName}: '{wire}' collides with its class name in C#, so the C# SDK publishes another name; " +
                "use that name and add an override entry (Overrides/property-renames.tsv) with the reason"));
            return null;
        }

        Count(isWrite);
        return wire;
    }

    public static bool IsCollision(ApiType type, string wire)
    {
        string pascal = ApiTypeMapper.UpperFirst(wire);
        string owner = type.Owner;
        return pascal == owner || pascal == owner + "Args" || pascal == owner + "State"
            || (owner.EndsWith("Args", StringComparison.Ordinal) && pascal == owner[..^"Args".Length]);
    }

    private void Count(bool isWrite)
    {
        if (isWrite)
        {
            report.PropertiesChecked++;
        }
        else
        {
            report.OutputsChecked++;
        }
    }
}
