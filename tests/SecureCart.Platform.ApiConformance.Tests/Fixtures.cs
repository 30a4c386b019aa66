using System.Reflection;
using SecureCart.Platform.ApiConformance.Tests.Conformance;
using SecureCart.Platform.ApiConformance.Tests.Declarations;
using SecureCart.Platform.ApiConformance.Tests.Numeric;

namespace SecureCart.Platform.ApiConformance.Tests;

/// <summary>The C# fixtures embedded as text (Fixtures/*.cs.txt) and a checker over the installed declarations.</summary>
internal static class Fixtures
{
    public static SourceFile Load(string name)
    {
        string resource = $"Fixtures/{name}.cs.txt";
        using Stream stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException(
                $"fixture {resource} is not embedded (have: {string.Join(", ", Assembly.GetExecutingAssembly().GetManifestResourceNames())})");
        using var reader = new StreamReader(stream);
        return new SourceFile(resource, reader.ReadToEnd());
    }

    public static ConformanceChecker Checker(PropertyRenameTable? renames = null, NumericTypeTable? numbers = null) =>
        new(ApiCatalog.Installed, renames ?? PropertyRenameTable.Load(PropertyRenameTable.DefaultPath), new HashSet<string>(StringComparer.Ordinal),
            numbers ?? NumericTypeTable.Load(NumericTypeTable.DefaultPath));
}
