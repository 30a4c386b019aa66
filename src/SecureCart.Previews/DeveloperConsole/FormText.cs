using System.Globalization;

namespace SecureCart.Previews.DeveloperConsole;

/// <summary>Form text to the command's types; the rules stay in the domain validator.</summary>
internal static class FormText
{
    /// <summary>An empty box means "not given", as an absent JSON member does in the API.</summary>
    public static string? Given(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>Null when empty; false when the text is not a whole number (the caller reports it on the field).</summary>
    public static bool TryWholeNumber(string? text, out int? value)
    {
        value = null;
        if (Given(text) is not { } given)
        {
            return true;
        }

        if (int.TryParse(given, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed))
        {
            value = parsed;
            return true;
        }

        return false;
    }

    public static string Money(decimal amount) => string.Create(CultureInfo.InvariantCulture, $"${amount:0.00##}");

    public static string When(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    public static string Until(DateTimeOffset at, DateTimeOffset now)
    {
        var left = at - now;
        if (left <= TimeSpan.Zero)
        {
            return "expired";
        }

        return left.TotalHours >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"in {(int)left.TotalHours} h {left.Minutes} min")
            : string.Create(CultureInfo.InvariantCulture, $"in {Math.Max(1, left.Minutes)} min");
    }
}
