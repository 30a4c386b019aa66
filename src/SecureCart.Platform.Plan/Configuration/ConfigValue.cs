namespace SecureCart.Platform.Plan.Configuration;

/// <summary>A raw config value as written in a YAML file, with its position.</summary>
/// <param name="Text">The scalar text; for a secret, the ciphertext (never printed).</param>
/// <param name="Line">1-based line of the value.</param>
/// <param name="IsSecret">True for a <c>secure:</c> value.</param>
/// <param name="IsScalar">False when the YAML value is a mapping or sequence where a scalar was expected.</param>
public sealed record ConfigValue(string Text, int Line, bool IsSecret, bool IsScalar = true);
