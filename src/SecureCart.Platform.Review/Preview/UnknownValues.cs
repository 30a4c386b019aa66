using System.Text.Json;

namespace SecureCart.Platform.Review.Preview;

/// <summary>
/// During a preview, a value only known after `up` (an id, an ARN, a generated password) is written as this
/// GUID (sdk/go/common/resource/plugin/rpc.go `UnknownStringValue`).
/// </summary>
public static class UnknownValues
{
    public const string Placeholder = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
    public const string Shown = "[unknown]";

    public static bool IsUnknown(JsonElement value) =>
        value.ValueKind == JsonValueKind.String && value.ValueEquals(Placeholder);
}
