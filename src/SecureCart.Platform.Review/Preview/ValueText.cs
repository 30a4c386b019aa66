using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace SecureCart.Platform.Review.Preview;

/// <summary>
/// Secret-free JSON text for a property value, whole: what an auditor approves is often deep inside a long
/// value (an action in an inline policy, a size in a template), so nothing is cut here; the text, Markdown and
/// HTML reports turn long values into diffs instead (see Reports/ValueDiff).
/// </summary>
public static class ValueText
{
    public const string Absent = "(none)";
    public const string HiddenPlainText = "[hidden: plain text in state]";
    private const int ShortLength = 160;

    private static readonly JsonWriterOptions s_writer = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };

    public static string Format(JsonElement value, string propertyName)
    {
        if (value.ValueKind == JsonValueKind.Undefined)
        {
            return Absent;
        }

        if (SecretValues.IsSecret(value))
        {
            return SecretValues.Mask;
        }

        if (UnknownValues.IsUnknown(value))
        {
            return UnknownValues.Shown;
        }

        if (value.ValueKind == JsonValueKind.String && SecretValues.LooksSecretByName(propertyName) && value.GetString()!.Length > 0)
        {
            return HiddenPlainText;
        }

        // A scalar is its own JSON text once secrets and unknowns are handled above; the string's text as Pulumi
        // escaped it is as valid as a re-escaped one.
        if (value.ValueKind is JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False or JsonValueKind.Null or JsonValueKind.String)
        {
            return value.GetRawText();
        }

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, s_writer))
        {
            WriteMasked(writer, value, propertyName);
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>The value cut to a sentence's length, for findings and replacement reasons.</summary>
    public static string Brief(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length > ShortLength ? text[..ShortLength] + "…" : text;
    }

    private static void WriteMasked(Utf8JsonWriter writer, JsonElement value, string name)
    {
        if (SecretValues.IsSecret(value))
        {
            writer.WriteStringValue(SecretValues.Mask);
            return;
        }

        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var property in value.EnumerateObject())
                {
                    if (property.NameEquals("__defaults"))
                    {
                        continue;
                    }

                    writer.WritePropertyName(property.Name);
                    WriteMasked(writer, property.Value, property.Name);
                }

                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in value.EnumerateArray())
                {
                    WriteMasked(writer, item, name);
                }

                writer.WriteEndArray();
                break;
            case JsonValueKind.String when SecretValues.LooksSecretByName(name) && value.GetString()!.Length > 0:
                writer.WriteStringValue(HiddenPlainText);
                break;
            case JsonValueKind.String when UnknownValues.IsUnknown(value):
                writer.WriteStringValue(UnknownValues.Shown);
                break;
            default:
                value.WriteTo(writer);
                break;
        }
    }
}
