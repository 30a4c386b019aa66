namespace SecureCart.Previews.Engine;

/// <summary>
/// The environment's own database in the shared base instance, ready before `up`: the engine hands the
/// credentials to the stack as secret configuration. <see cref="ToString"/> leaves the password out, so a logged
/// request never carries it.
/// </summary>
/// <param name="Name">Database name; the login role has the same name.</param>
public sealed record EngineDatabase(string Name, string Password, int Port)
{
    public string User => Name;

    public override string ToString() => $"EngineDatabase {{ Name = {Name}, Port = {Port} }}";
}
