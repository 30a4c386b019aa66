namespace SecureCart.Previews.Domain;

/// <summary>
/// Why a command was not carried out, in the domain's words: what kind of refusal, a stable code, and a message that
/// says what to fix. The HTTP edge alone turns the kind into a status code.
/// </summary>
public sealed record Refusal(RefusalKind Kind, string Code, string Title, string Detail, IReadOnlyDictionary<string, string[]>? Errors = null)
{
    public static Refusal NotFound(string what, Guid id) =>
        new(RefusalKind.NotFound, "not-found", $"{what} not found", $"No {what.ToLowerInvariant()} {id} is visible to your team.");

    public static Refusal Invalid(IReadOnlyDictionary<string, string[]> errors) =>
        new(RefusalKind.Invalid, "invalid-request", "The request is not valid", "Fix the fields listed in 'errors' and send it again.", errors);

    public static Refusal Conflict(string code, string title, string detail) =>
        new(RefusalKind.Conflict, code, title, detail);

    /// <summary>How the audit log records it, e.g. "refused conflict name-taken".</summary>
    public string AuditOutcome => $"refused {Kind.ToString().ToLowerInvariant()} {Code}";
}
