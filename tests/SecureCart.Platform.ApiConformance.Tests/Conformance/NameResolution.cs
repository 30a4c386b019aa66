namespace SecureCart.Platform.ApiConformance.Tests.Conformance;

/// <summary>What a C# name written in the program turned out to be.</summary>
internal abstract record NameResolution
{
    /// <summary>Not a Pulumi.Aws / Pulumi.Awsx name (or a simple name that no imported Pulumi namespace declares).</summary>
    public sealed record Other : NameResolution;

    /// <summary>A namespace such as Pulumi.Aws, Pulumi.Aws.Ec2 or Pulumi.Aws.Ec2.Inputs.</summary>
    public sealed record Namespace(string FullName) : NameResolution;

    public sealed record Type(ApiType Api) : NameResolution;

    /// <summary>Written as a Pulumi.Aws / Pulumi.Awsx name, but the declarations have no such module or type.</summary>
    public sealed record Missing(string FullName, string Reason) : NameResolution;

    public static readonly NameResolution NotPulumi = new Other();
}
