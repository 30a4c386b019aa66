using System.Collections.Frozen;
using System.Security.Cryptography;

namespace SecureCart.Previews.DeveloperConsole;

/// <summary>
/// The console's stylesheet and script, embedded in the assembly and served from memory: no front-end build, no
/// static-file manifest, and a URL that carries the content's hash so browsers may keep it for a year.
/// </summary>
internal static class ConsoleAssets
{
    private static readonly FrozenDictionary<string, Asset> s_assets = new[] { ("console.css", "text/css; charset=utf-8"), ("console.js", "text/javascript; charset=utf-8") }
        .ToFrozenDictionary(a => a.Item1, a => Load(a.Item1, a.Item2), StringComparer.Ordinal);

    public static string Url(string name) => $"{ConsoleAuthentication.PathPrefix}/assets/{name}?v={s_assets[name].Version}";

    public static IEndpointConventionBuilder MapConsoleAssets(this IEndpointRouteBuilder app) =>
        app.MapGet($"{ConsoleAuthentication.PathPrefix}/assets/{{name}}", Serve).AllowAnonymous().ExcludeFromDescription();

    private static IResult Serve(string name, HttpContext http)
    {
        if (!s_assets.TryGetValue(name, out var asset))
        {
            return TypedResults.NotFound();
        }

        http.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
        return TypedResults.Bytes(asset.Content, asset.ContentType);
    }

    private static Asset Load(string name, string contentType)
    {
        using var stream = typeof(ConsoleAssets).Assembly.GetManifestResourceStream($"SecureCart.Previews.DeveloperConsole.Assets.{name}")
            ?? throw new InvalidOperationException($"console asset {name} is not embedded");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        var content = buffer.ToArray();
        return new Asset(content, contentType, Convert.ToHexStringLower(SHA256.HashData(content))[..12]);
    }

    private sealed record Asset(byte[] Content, string ContentType, string Version);
}
