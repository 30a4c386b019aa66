namespace SecureCart.Previews.State.Entities;

/// <summary>A named periodic job's lease: the replica holding it runs the job; an expired lease is free to take.</summary>
public sealed class JobLeaseRecord
{
    public string Name { get; set; } = "";
    public string Holder { get; set; } = "";
    public DateTimeOffset ExpiresAt { get; set; }
}
