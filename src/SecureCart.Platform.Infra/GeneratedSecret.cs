using Pulumi;
using Pulumi.Aws.SecretsManager;

namespace SecureCart.Platform.Infra;

/// <summary>
/// A secret the program generates once into Secrets Manager (database password, Redis AUTH token, origin header).
/// The generator answers anew on every run, so the version ignores later answers: the first value stays until it is
/// rotated (Secrets Manager rotation, or <c>pulumi up --replace</c> on the version), and its consumers read the
/// stored value, never a new one.
/// </summary>
internal static class GeneratedSecret
{
    public sealed record Generated(Secret Secret, SecretVersion Version, Output<string> Value);

    /// <summary>A fresh random value (a new one on every run: store it, and read the stored one).</summary>
    public static Output<string> NewValue() =>
        // Punctuation excluded: the value travels in headers, connection strings and Redis AUTH (which refuses some of it).
        Output.CreateSecret(GetRandomPassword.Invoke(new GetRandomPasswordInvokeArgs { PasswordLength = 48, ExcludePunctuation = true }).Apply(r => r.RandomPassword ?? ""));

    /// <param name="value">The value to keep, from <see cref="NewValue"/>.</param>
    /// <param name="document">Turns the value into the stored string (a JSON document for RDS rotation); null stores it as is.</param>
    public static Generated Create(string logical, string name, InputMap<string> tags, Resource parent, Output<string>? value = null, Func<Output<string>, Output<string>>? document = null)
    {
        value ??= NewValue();
        var secret = new Secret(logical, new SecretArgs { Name = name, Tags = tags }, Children.Of(parent));
        var version = new SecretVersion($"{logical}-value", new SecretVersionArgs
        {
            SecretId = secret.Id,
            SecretString = Output.CreateSecret(document is null ? value : document(value)),
        }, new CustomResourceOptions { Parent = parent, IgnoreChanges = { "secretString" } });
        // The stored string, not this run's random value: with the change ignored, it is the first one.
        return new Generated(secret, version, document is null ? version.SecretString.Apply(v => v ?? "") : value);
    }
}
