using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace SecureCart.Platform.Review.Preview;

/// <summary>Short, secret-free text for a property value in a report.</summary>
public static class ValueText
{
    public const string Absent = "(none)";
    public const string HiddenPlainText = "[hidden: plain text in state]";
    private const int MaxLength = 160;

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

        if (value.ValueKind == JsonValueKind.String && SecretValues.LooksSecretByName(propertyName) && value.GetString()!.Length > 0)
        {
            return HiddenPlainText;
        }

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, s_writer))
        {
            WriteMasked(writer, value, propertyName);
        }

        var text = Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        return text.Length > MaxLength ? text[..MaxLength] + "…" : text;
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
            case JsonValueKind.String when value.GetString()!.Length > MaxLength:
                writer.WriteStringValue(value.GetString()![..MaxLength] + "…");
                break;
            default:
                value.WriteTo(writer);
                break;
        }
    }
}
