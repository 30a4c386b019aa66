namespace SecureCart.Platform.Review.Tests;

/// <summary>Paths of the files under Fixtures/ (see Fixtures/README.md for where each comes from).</summary>
internal static class Fixture
{
    public static string Path(string relative) => System.IO.Path.Combine(AppContext.BaseDirectory, "Fixtures", relative);

    public static ReviewResult Review(string relative, ReviewOptions? options = null) => new ChangeReviewer(options).ReviewFile(Path(relative));
}
