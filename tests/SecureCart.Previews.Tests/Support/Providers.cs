namespace SecureCart.Previews.Tests.Support;

/// <summary>Every state test runs on both stores: PostgreSQL (production) and SQLite (embedded default).</summary>
public static class Providers
{
    public static TheoryData<string> All => new("Postgres", "Sqlite");
}
