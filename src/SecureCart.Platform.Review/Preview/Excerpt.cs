using System.Text;

namespace SecureCart.Platform.Review.Preview;

/// <summary>
/// A short, single-line piece of the input for an error message: a message that quotes a whole 46 KB value
/// helps nobody and may carry what should not reach a CI log.
/// </summary>
public static class Excerpt
{
    public const int DefaultLength = 60;

    public static string Of(string? text, int max = DefaultLength)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var builder = new StringBuilder(Math.Min(text.Length, max) + 1);
        foreach (var c in text)
        {
            if (builder.Length >= max)
            {
                return builder.Append('…').ToString();
            }

            builder.Append(char.IsControl(c) ? ' ' : c);
        }

        return builder.ToString();
    }
}
