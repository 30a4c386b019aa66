using System.Text.Json;
using System.Text.RegularExpressions;

namespace SecureCart.Platform.Review.Preview;

/// <summary>
/// How Pulumi marks secrets: `"[secret]"` in previews and events, and in exports an object keyed by the
/// signature `4dabf18193072939515e22adb298388d` (sdk/go/common/resource/sig) holding `ciphertext`, or
/// `plaintext` after `--show-secrets`. Secrets are never shown, whichever way they arrive.
/// </summary>
public static partial class SecretValues
{
    public const string Mask = "[secret]";
    public const string SignatureKey = "4dabf18193072939515e22adb298388d";
    public const string SecretSignature = "1b47061264138c4ac30d75fd1eb44270";

    // Compared as UTF-8: the digest asks this of every value of every step, and the string overloads
    // transcoded the constant each time.
    public static bool IsSecret(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.ValueEquals("[secret]"u8),
        JsonValueKind.Object => value.TryGetProperty("4dabf18193072939515e22adb298388d"u8, out var sig) && sig.ValueKind == JsonValueKind.String
            && sig.ValueEquals("1b47061264138c4ac30d75fd1eb44270"u8),
        _ => false,
    };

    /// <summary>An input name that usually holds a credential (password, token, key, …), not its id, ARN or length.</summary>
    public static bool LooksSecretByName(string name) => SecretName().IsMatch(name) && !NotASecret().IsMatch(name);

    [GeneratedRegex("(password|passwd|passphrase|secret|token|apikey|api_key|privatekey|private_key|accesskey|access_key|secretkey|credential|connectionstring|authkey|auth_key)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SecretName();

    [GeneratedRegex("(arn|id|ids|name|names|length|version|versionid|policy|type|enabled|prefix|rotation|rotationrules|window|windowindays|kmskeyid|path|endpoint|url|expiration|ttl|count|header|headers|config|configuration|source|sourcearn|validation|manage\\w*)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NotASecret();
}
