namespace SecureCart.Previews.Api;

/// <summary>A refusal that says what to fix; rendered as RFC 9457 problem details.</summary>
public sealed record ApiProblem(int Status, string Code, string Title, string Detail, IReadOnlyDictionary<string, string[]>? Errors = null)
{
    public static ApiProblem NotFound(string what, Guid id) =>
        new(StatusCodes.Status404NotFound, "not-found", $"{what} not found", $"No {what.ToLowerInvariant()} {id} is visible to your team.");

    public static ApiProblem Invalid(IReadOnlyDictionary<string, string[]> errors) =>
        new(StatusCodes.Status400BadRequest, "invalid-request", "The request is not valid", "Fix the fields listed in 'errors' and send it again.", errors);

    public static ApiProblem Conflict(string code, string title, string detail) =>
        new(StatusCodes.Status409Conflict, code, title, detail);
}
