using System.Text;
using System.Text.Json;
using SecureCart.Platform.Review.Reports;

namespace SecureCart.Platform.Review.Tests.Reports;

/// <summary>
/// A review that streams its changes to a file while reading writes the very same JSON report as one that
/// keeps them, whatever mix of spilled and held (replacement) changes, and leaves no file behind.
/// </summary>
public sealed class SpilledReportTests : IDisposable
{
    private readonly DirectoryInfo _spill = Directory.CreateTempSubdirectory("securecart-spill-test-");

    public void Dispose() => _spill.Delete(recursive: true);

    [Theory]
    [InlineData("pulumi-cli/preview-aws-sg-replace.json")]
    [InlineData("pulumi-cli/preview-aws-kms-lambda-ssm-update.json")]
    [InlineData("pulumi-cli/events-aws-ec2-replace.json")]
    [InlineData("pulumi-cli/export-awsx-lb-simple.json")]
    [InlineData("ops/every-operation.json")]
    [InlineData("ops/cloud-events-aws-ec2-replace.json")]
    [InlineData("ops/export-v4-pending-delete.json")]
    [InlineData("risk/SC001-stateful-replace.json")]
    [InlineData("risk/SC012-preview-failed.json")]
    [InlineData("risk/SC009-clean.json")]
    public void Json_SpilledChanges_AreByteIdenticalToHeldOnes(string fixture)
    {
        var held = Json(Fixture.Review(fixture));
        var spilled = Fixture.Review(fixture, new ReviewOptions { SpillDirectory = _spill.FullName });

        Assert.NotNull(spilled.Spilled);
        Assert.Equal(held, Json(spilled));
        spilled.Spilled.Dispose();
        Assert.Empty(_spill.EnumerateFiles("*", new EnumerationOptions { AttributesToSkip = 0 }));
    }

    [Theory]
    [InlineData("replace-first")]
    [InlineData("spilled-first")]
    [InlineData("replacements-only")]
    [InlineData("no-replacements")]
    [InlineData("no-changes")]
    public void Json_ReplacementsBetweenSpilledChanges_KeepTheirPlaceAndLateSteps(string shape)
    {
        // A create-before-delete replacement's delete-replaced comes after every other step (step_generator.go
        // GenerateDeletes): the held change must still take it, and stay where it was first seen.
        var steps = shape switch
        {
            "replace-first" => new[] { Replace("a", "create-replacement"), Replace("a", "replace"), Update("b"), Create("c"), Replace("d", "replace"), Update("e"), Replace("a", "delete-replaced") },
            "spilled-first" => [Update("b"), Replace("a", "replace"), Create("c"), Update("e"), Replace("d", "replace")],
            "replacements-only" => [Replace("a", "replace"), Replace("d", "replace")],
            "no-replacements" => [Update("b"), Create("c"), Update("e")],
            _ => [Same("s")],
        };
        var path = Path.Combine(_spill.FullName, shape + ".json");
        File.WriteAllText(path, $$"""{"config": {"aws:region": "us-east-1"}, "steps": [{{string.Join(",\n", steps)}}], "duration": 1}""");

        var held = Json(new ChangeReviewer().ReviewFile(path));
        var result = new ChangeReviewer(new ReviewOptions { SpillDirectory = _spill.FullName }).ReviewFile(path);
        var spilled = Json(result);
        result.Spilled!.Dispose();

        Assert.Equal(held, spilled);
        using var document = JsonDocument.Parse(spilled);
        var names = document.RootElement.GetProperty("stacks")[0].GetProperty("changes").EnumerateArray().Select(c => c.GetProperty("name").GetString());
        Assert.Equal(steps.Where(s => !s.Contains("\"same\"", StringComparison.Ordinal)).Select(Name).Distinct(), names);
        Assert.Equal([path], _spill.EnumerateFiles().Select(f => f.FullName));
    }

    [Fact]
    public void Review_UnreadableInput_LeavesNoSpillFile()
    {
        Assert.ThrowsAny<Exception>(() => Fixture.Review("malformed/truncated.json", new ReviewOptions { SpillDirectory = _spill.FullName }));

        Assert.Empty(_spill.EnumerateFiles("*", new EnumerationOptions { AttributesToSkip = 0 }));
    }

    [Fact]
    public void Write_SpilledResultAsText_IsRefused()
    {
        var result = Fixture.Review("pulumi-cli/preview-aws-sg-replace.json", new ReviewOptions { SpillDirectory = _spill.FullName });
        using var spilled = result.Spilled;

        var error = Assert.Throws<ArgumentException>(() => ReportWriter.Write([result], ReportFormat.Markdown, new StringWriter()));
        Assert.Contains("only be written as JSON", error.Message);
    }

    private static string Json(ReviewResult result)
    {
        // A file opened as UTF-8 is the path the command takes: straight to the file's stream.
        var path = Path.GetTempFileName();
        try
        {
            using (var writer = new StreamWriter(path, append: false, new UTF8Encoding(false)))
            {
                ReportWriter.Write([result], ReportFormat.Json, writer);
            }

            return File.ReadAllText(path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static string Name(string step) => step.Split("::")[3].Split('"')[0];

    private static string Urn(string name, string type) => $"urn:pulumi:prod::sc::{type}::{name}";

    private static string State(string name, string type, string description) =>
        $$"""{"urn": "{{Urn(name, type)}}", "type": "{{type}}", "custom": true, "id": "id-{{name}}", "inputs": {"description": "{{description}}", "name": "{{name}}"} }""";

    private static string Replace(string name, string op)
    {
        const string type = "aws:ec2/securityGroup:SecurityGroup";
        var old = State(name, type, "old");
        var now = State(name, type, "new");
        return op == "delete-replaced"
            ? $$"""{"op": "{{op}}", "urn": "{{Urn(name, type)}}", "oldState": {{old}}}"""
            : $$"""{"op": "{{op}}", "urn": "{{Urn(name, type)}}", "oldState": {{old}}, "newState": {{now}}, "diffReasons": ["description"], "replaceReasons": ["description"], "detailedDiff": {"description": {"kind": "update-replace", "inputDiff": true} } }""";
    }

    private static string Update(string name)
    {
        const string type = "aws:sqs/queue:Queue";
        return $$"""{"op": "update", "urn": "{{Urn(name, type)}}", "oldState": {{State(name, type, "old")}}, "newState": {{State(name, type, "new")}}, "diffReasons": ["description"], "detailedDiff": {"description": {"kind": "update", "inputDiff": true} } }""";
    }

    private static string Create(string name)
    {
        const string type = "aws:sqs/queue:Queue";
        return $$"""{"op": "create", "urn": "{{Urn(name, type)}}", "newState": {{State(name, type, "new")}}}""";
    }

    private static string Same(string name)
    {
        const string type = "aws:sqs/queue:Queue";
        return $$"""{"op": "same", "urn": "{{Urn(name, type)}}", "oldState": {{State(name, type, "x")}}, "newState": {{State(name, type, "x")}}}""";
    }
}
