using System.Text.Json;
using SecureCart.Platform.Review.Preview;

namespace SecureCart.Platform.Review.Tests.Preview;

public sealed class SecretValuesTests
{
    [Theory]
    [InlineData("\"[secret]\"", true)]
    [InlineData("\"\\u005bsecret]\"", true)]
    [InlineData("""{"4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", "ciphertext": "v1:abc"}""", true)]
    [InlineData("""{"4dabf18193072939515e22adb29838\u0038d": "1b47061264138c4ac30d75fd1eb4427\u0030", "plaintext": "\"x\""}""", true)]
    [InlineData("\"[secret] \"", false)]
    [InlineData("\"secret\"", false)]
    [InlineData("""{"4dabf18193072939515e22adb298388d": "c44067f5952c0a294b673a41bacd8c17"}""", false)]
    [InlineData("""{"4dabf18193072939515e22adb298388d": 1}""", false)]
    [InlineData("[\"[secret]\"]", false)]
    [InlineData("null", false)]
    public void IsSecret_PulumisMarkers_AreSecretsAndNothingElseIs(string json, bool secret)
    {
        using var document = JsonDocument.Parse(json);

        Assert.Equal(secret, SecretValues.IsSecret(document.RootElement));
    }
}
