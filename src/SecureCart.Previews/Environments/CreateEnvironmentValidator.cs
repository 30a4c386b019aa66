using SecureCart.Previews.Auth;
using SecureCart.Previews.Domain;

namespace SecureCart.Previews.Environments;

internal static class CreateEnvironmentValidator
{
    public const int MaxRefLength = 200;

    public static Dictionary<string, string[]> Validate(CreateEnvironment request, IReadOnlyList<string> sizes, int maxHours)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (PreviewNames.Validate(request.Name) is { } nameError)
        {
            errors["name"] = [nameError];
        }

        if (request.Team is not null && PreviewNames.ValidateTeam(request.Team) is { } teamError)
        {
            errors["team"] = [teamError];
        }

        var hasRef = !string.IsNullOrWhiteSpace(request.GitRef);
        var hasImage = !string.IsNullOrWhiteSpace(request.ImageTag);
        if (hasRef == hasImage)
        {
            errors["gitRef"] = ["give exactly one of 'gitRef' (a branch, tag or commit) or 'imageTag' (an image already built)."];
        }
        else if (TextInput.CheckVisible(hasRef ? "gitRef" : "imageTag", request.GitRef ?? request.ImageTag) is { } invisible)
        {
            errors[hasRef ? "gitRef" : "imageTag"] = [invisible];
        }
        else if ((request.GitRef ?? request.ImageTag)!.Length > MaxRefLength || (request.GitRef ?? request.ImageTag)!.Any(char.IsWhiteSpace))
        {
            errors[hasRef ? "gitRef" : "imageTag"] = [$"must be at most {MaxRefLength} characters with no spaces."];
        }

        // The one of the two not used must still be clean: it is part of the request's idempotency hash.
        foreach (var (field, value) in new[] { ("gitRef", request.GitRef), ("imageTag", request.ImageTag) })
        {
            if (!errors.ContainsKey(field) && TextInput.CheckVisible(field, value) is { } other)
            {
                errors[field] = [other];
            }
        }

        if (string.IsNullOrEmpty(request.Size))
        {
            errors["size"] = [$"size is required: one of {string.Join(", ", sizes)}."];
        }
        else if (!sizes.Contains(request.Size, StringComparer.Ordinal))
        {
            errors["size"] = [$"unknown size {TextInput.Quote(request.Size)}: use one of {string.Join(", ", sizes)}."];
        }

        if (request.TtlHours is { } ttl && (ttl < 1 || ttl > maxHours))
        {
            errors["ttlHours"] = [$"ttlHours must be between 1 and {maxHours} (7 days); omit it for the default of 24."];
        }

        return errors;
    }

    public static Refusal? CheckTeam(CreateEnvironment request, CallerIdentity caller) =>
        request.Team is null || string.Equals(request.Team, caller.Team, StringComparison.Ordinal)
            ? null
            : new Refusal(
                RefusalKind.Forbidden,
                "wrong-team",
                "You can only create environments for your own team",
                $"Your key belongs to team '{caller.Team}' but the request names team {TextInput.Quote(request.Team)}. Omit 'team' or use a key of that team.");
}
