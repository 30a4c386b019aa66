namespace SecureCart.Previews.Domain;

public enum RefusalKind
{
    /// <summary>The input is malformed; the errors name the fields.</summary>
    Invalid,

    /// <summary>Nothing by that id is visible to the caller.</summary>
    NotFound,

    /// <summary>The caller may not do this (another team, a quota, a budget).</summary>
    Forbidden,

    /// <summary>The current state does not allow it (name taken, operation running, already destroyed).</summary>
    Conflict,

    /// <summary>Well-formed but refused by a rule (plan rejected, lifetime exceeded, idempotency key reused).</summary>
    Unprocessable,
}
