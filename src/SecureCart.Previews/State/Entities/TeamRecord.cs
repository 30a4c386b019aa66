namespace SecureCart.Previews.State.Entities;

/// <summary>One row per team; updating it is the per-team lock that makes quotas exact.</summary>
public sealed class TeamRecord
{
    public string Name { get; set; } = "";
    public long LockVersion { get; set; }
}
