namespace SecureCart.Platform.Cli.Tests.Commands;

/// <summary>
/// `review --format json` streams its changes to a file beside the report while it reads: the report is the same
/// as on the terminal, and neither a written report nor unreadable input leaves that file behind.
/// </summary>
public sealed class ReviewJsonSpillTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("securecart-review-json-");

    public void Dispose() => _directory.Delete(recursive: true);

    [Fact]
    public async Task Review_JsonToFile_IsTheTerminalReportAndLeavesOnlyTheReport()
    {
        var report = Path.Combine(_directory.FullName, "review.json");
        var fixture = ReviewCommandTests.Fixture("ops/every-operation.json");

        var (code, output, error) = await CliRunner.RunAsync("review", fixture, "--format", "json", "--output", report, "--fail-on", "none");
        var (_, terminal, _) = await CliRunner.RunAsync("review", fixture, "--format", "json", "--fail-on", "none");

        Assert.Equal(0, code);
        Assert.Equal("", error);
        Assert.Contains("wrote " + report, output);
        Assert.Equal(terminal.ReplaceLineEndings(), File.ReadAllText(report).ReplaceLineEndings());
        Assert.Contains("\"changes\": [", terminal);
        Assert.Equal(["review.json"], _directory.EnumerateFiles("*", new EnumerationOptions { AttributesToSkip = 0 }).Select(f => f.Name));
    }

    [Fact]
    public async Task Review_UnreadableInputWithJsonOutput_LeavesNothingBeside()
    {
        var report = Path.Combine(_directory.FullName, "review.json");

        var (code, _, error) = await CliRunner.RunAsync("review", ReviewCommandTests.Fixture("malformed/truncated.json"), "--format", "json", "--output", report);

        Assert.Equal(2, code);
        Assert.Contains("not valid JSON", error);
        Assert.Empty(_directory.EnumerateFiles("*", new EnumerationOptions { AttributesToSkip = 0 }));
    }
}
