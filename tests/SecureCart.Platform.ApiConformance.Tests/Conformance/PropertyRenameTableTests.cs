using SecureCart.Platform.ApiConformance.Tests.Declarations;

namespace SecureCart.Platform.ApiConformance.Tests.Conformance;

public sealed class PropertyRenameTableTests
{
    [Fact]
    public void Load_CommittedTable_EveryEntryHasAReasonAndNamesARealCollision()
    {
        PropertyRenameTable table = PropertyRenameTable.Load(PropertyRenameTable.DefaultPath);

        Assert.NotEmpty(table.Entries);
        Assert.All(table.Entries, entry =>
        {
            Assert.False(string.IsNullOrWhiteSpace(entry.Reason), $"line {entry.Line} has no reason");
            TsModule module = ApiCatalog.Installed.Package(entry.Package)!.Modules[entry.Module];
            TsShape? shape = module.Resources.TryGetValue(entry.Class, out TsResource? resource)
                ? resource.Outputs
                : module.InputTypes.GetValueOrDefault(entry.Class);
            Assert.True(shape is not null, $"line {entry.Line}: {entry.Module}.{entry.Class} is not declared");
            Assert.Contains(entry.WireName, shape.Properties.Keys);
            ApiType owner = new("", ApiTypeKind.Resource, ApiCatalog.Installed.Package(entry.Package)!, module, entry.Class, shape);
            Assert.True(MemberChecker.IsCollision(owner, entry.WireName), $"line {entry.Line}: '{entry.WireName}' does not collide with {entry.Class}");
        });
    }
}
