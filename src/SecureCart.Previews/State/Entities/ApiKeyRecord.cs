namespace SecureCart.Previews.State.Entities;

public sealed class ApiKeyRecord
{
    public Guid Id { get; set; }
    public string Team { get; set; } = "";
    public string Name { get; set; } = "";
    public bool IsAdmin { get; set; }

    /// <summary>SHA-256 of the whole key; the key itself is shown once and never stored.</summary>
    public string Hash { get; set; } = "";

    public string Prefix { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
}
