namespace SecureCart.Platform.ApiConformance.Tests.Numeric;

/// <summary>How the provider schema types a number, and so which C# type the SDK gives its input.</summary>
internal enum NumericKind
{
    /// <summary>Schema "integer": <c>Input&lt;int&gt;</c> in Pulumi.Aws C#; a double does not convert to it.</summary>
    Integer,

    /// <summary>Schema "number": <c>Input&lt;double&gt;</c>; an int converts, an <c>Output&lt;int&gt;</c> does not.</summary>
    Number,
}
