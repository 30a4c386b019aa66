using System.Globalization;
using System.Text;

namespace SecureCart.Previews.Domain;

/// <summary>
/// Rules every string from a caller passes before it is used or stored: no control or invisible formatting characters
/// (a NUL cannot be stored in PostgreSQL text, a newline forges log and audit lines, a bidi override hides what a name
/// says), and error messages quote only a short, escaped prefix of what was sent.
/// </summary>
public static class TextInput
{
    public const int QuotedPrefix = 40;

    public static bool HasInvisible(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        foreach (var c in value)
        {
            if (char.IsControl(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator or UnicodeCategory.Format)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The error for <paramref name="field"/> when <paramref name="value"/> holds an invisible character, else null.</summary>
    public static string? CheckVisible(string field, string? value) =>
        value is not null && HasInvisible(value)
            ? $"{field} {Quote(value)} contains a control or invisible character (newline, tab, NUL, ...); send printable characters only."
            : null;

    /// <summary>'abc…' (N characters) with control characters written as \uXXXX, so a message stays one short line.</summary>
    public static string Quote(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var quoted = new StringBuilder("'");
        foreach (var c in value.AsSpan(0, Math.Min(value.Length, QuotedPrefix)))
        {
            quoted.Append(char.IsControl(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator or UnicodeCategory.Format
                ? string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}")
                : c.ToString());
        }

        quoted.Append('\'');
        return value.Length > QuotedPrefix
            ? quoted.Insert(quoted.Length - 1, '…').Append(CultureInfo.InvariantCulture, $" ({value.Length} characters)").ToString()
            : quoted.ToString();
    }
}
