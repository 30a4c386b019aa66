using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using SecureCart.Platform.Review.Preview;

namespace SecureCart.Platform.Review.Tests.Preview;

/// <summary>
/// The steps the streaming reader hands over (parsed on the reading thread, strings shared through a pool) hold
/// exactly what the input says: checked against the whole file parsed at once, field by field.
/// </summary>
public sealed class StepParsingEquivalenceTests
{
    // Every fixture that is a preview (a top-level object with a `steps` array) and not meant to be rejected.
    public static TheoryData<string> Previews()
    {
        var root = Fixture.Path("");
        var previews = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(root, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
            if (relative.StartsWith("malformed/", StringComparison.Ordinal))
            {
                continue;
            }

            // An event log is JSON lines, not one document: not a preview.
            var reader = new Utf8JsonReader(File.ReadAllBytes(file), new JsonReaderOptions { AllowMultipleValues = true });
            using var document = JsonDocument.ParseValue(ref reader);
            if (!reader.Read() && document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("steps", out var steps) && steps.ValueKind == JsonValueKind.Array)
            {
                previews.Add(relative);
            }
        }

        return previews;
    }

    [Fact]
    public void Previews_CoverTheRealAndTheRuleFixtures()
    {
        var previews = Previews().Select(row => row.Data).ToList();

        Assert.Contains("pulumi-cli/preview-aws-sg-replace.json", previews);
        Assert.Contains("ops/every-operation.json", previews);
        Assert.True(previews.Count(p => p.StartsWith("risk/", StringComparison.Ordinal)) >= 20, string.Join(", ", previews));
    }

    [Theory]
    [MemberData(nameof(Previews))]
    public void Read_OnEitherThreadCount_GivesTheStepsTheWholeDocumentHolds(string fixture)
    {
        using var whole = JsonDocument.Parse(File.ReadAllBytes(Fixture.Path(fixture)));
        var expected = whole.RootElement.GetProperty("steps").EnumerateArray().ToList();

        foreach (var pipelined in new[] { true, false })
        {
            var steps = new List<PreviewStep>();
            new PreviewReader(new PreviewReaderOptions { Pipelined = pipelined }).ReadFile(Fixture.Path(fixture), steps.Add);

            Assert.Equal(expected.Count, steps.Count);
            foreach (var (json, step) in expected.Zip(steps))
            {
                Assert.Equal(json.GetProperty("op").GetString(), step.Op);
                Assert.Equal(json.GetProperty("urn").GetString(), step.Urn.Value);
                Assert.Equal(ResourceUrn.Parse(step.Urn.Value), step.Urn);
                Assert.Equal(Strings(json, "diffReasons"), step.DiffReasons);
                Assert.Equal(Strings(json, "replaceReasons"), step.ReplaceReasons);
                AssertState(json, "oldState", step.Old);
                AssertState(json, "newState", step.New);
                if (json.TryGetProperty("detailedDiff", out var diff) && diff.ValueKind == JsonValueKind.Object)
                {
                    Assert.Equal(
                        diff.EnumerateObject().Select(p => (p.Name, p.Value.TryGetProperty("kind", out var k) ? k.GetString() : "update")).Order(),
                        step.DetailedDiff!.Select(d => (d.Key, (string?)d.Value.Kind)).Order());
                }
                else
                {
                    Assert.Null(step.DetailedDiff);
                }
            }
        }
    }

    [Fact]
    public void Read_EscapedNonAsciiAndLongValues_ReadsThemAsTheTextTheyStandFor()
    {
        var longParent = "urn:pulumi:prod::sc::my:component:Thing::" + new string('p', 300);
        var json = """
            {"steps": [{"op": "upd\u0061te", "urn": "urn:pulumi:prod::sc::aws:s3/bucket:Bucket::b\u00e9", "diffReasons": ["t\u0061gs", "tags"],
              "oldState": {"urn": "urn:pulumi:prod::sc::aws:s3/bucket:Bucket::bé", "type": "aws:s3/bucket:Bucket", "id": "b-1", "parent": "LONG-PARENT"},
              "newState": {"urn": "urn:pulumi:prod::sc::aws:s3/bucket:Bucket::b\u00e9", "type": "aws:s3\/bucket:Bucket", "id": "b-1", "parent": "LONG-PARENT"},
              "detailedDiff": {"t\u0061gs": {"kind": "upd\u0061te"}, "ünïcode": {"kind": "add"}}}]}
            """.Replace("LONG-PARENT", longParent, StringComparison.Ordinal);
        var steps = new List<PreviewStep>();

        new PreviewReader().Read(new MemoryStream(Encoding.UTF8.GetBytes(json)), "escaped.json", steps.Add);

        var step = Assert.Single(steps);
        Assert.Equal("update", step.Op);
        Assert.Equal("bé", step.Urn.Name);
        Assert.Equal(["tags", "tags"], step.DiffReasons);
        Assert.Equal("urn:pulumi:prod::sc::aws:s3/bucket:Bucket::bé", step.Old!.Urn);
        Assert.Equal("urn:pulumi:prod::sc::aws:s3/bucket:Bucket::bé", step.New!.Urn);
        Assert.Equal("aws:s3/bucket:Bucket", step.New.Type);
        Assert.Equal(longParent, step.New.Parent);
        Assert.Equal("update", step.DetailedDiff!["tags"].Kind);
        Assert.Equal("add", step.DetailedDiff["ünïcode"].Kind);
    }

    [Fact]
    public void Read_StateWithEscapedAndRepeatedFieldNames_ReadsTheFieldsALookupByNameFinds()
    {
        var json = """
            {"steps": [{"op": "update", "urn": "urn:pulumi:prod::sc::aws:s3/bucket:Bucket::b",
              "oldState": {"\u0075rn": "urn:pulumi:prod::sc::aws:s3/bucket:Bucket::b", "\u0074ype": "aws:s3/bucket:Bucket", "pr\u006ftect": true},
              "newState": {"urn": "urn:pulumi:prod::sc::aws:s3/bucket:Bucket::b", "type": "aws:s3/bucket:Old", "protect": true, "type": "aws:s3/bucket:Bucket", "protect": false}}]}
            """;
        using var whole = JsonDocument.Parse(json);
        var step = whole.RootElement.GetProperty("steps")[0];
        var steps = new List<PreviewStep>();

        new PreviewReader().Read(new MemoryStream(Encoding.UTF8.GetBytes(json)), "names.json", steps.Add);

        AssertState(step, "oldState", Assert.Single(steps).Old);
        AssertState(step, "newState", steps[0].New);
        Assert.True(steps[0].Old!.Protect);
        Assert.Equal("aws:s3/bucket:Bucket", steps[0].Old!.Type);
    }

    [Fact]
    public void Read_StepWithEscapedRepeatedFieldsAndAnUnorderedDiff_ReadsWhatALookupByNameFinds()
    {
        var json = """
            {"steps": [{"op": "create", "\u006fp": "update", "urn": "urn:pulumi:prod::sc::aws:s3/bucket:Bucket::old",
              "urn": "urn:pulumi:prod::sc::aws:s3/bucket:Bucket::b", "diffReasons": ["x"], "diff\u0052easons": ["tags", "acl"],
              "replaceReasons": null, "oldState": null,
              "detailedDiff": {"tags": {"kind": "add", "inputDiff": false, "kind": "update", "inputDiff": true}, "acl": {"kind": "delete"}, "tags": {"kind": "update-replace"}}}]}
            """;
        var steps = new List<PreviewStep>();

        new PreviewReader().Read(new MemoryStream(Encoding.UTF8.GetBytes(json)), "fields.json", steps.Add);

        var step = Assert.Single(steps);
        Assert.Equal("update", step.Op);
        Assert.Equal("b", step.Urn.Name);
        Assert.Equal(["tags", "acl"], step.DiffReasons);
        Assert.Empty(step.ReplaceReasons);
        Assert.Null(step.Old);
        Assert.Equal(["acl", "tags"], step.DetailedDiff!.Keys);
        Assert.Equal(new PropertyDiff("update-replace", false), step.DetailedDiff["tags"]);
        Assert.Equal(new PropertyDiff("delete", false), step.DetailedDiff["acl"]);
    }

    [Fact]
    public void Read_EventWithEscapedAndRepeatedFields_ReadsWhatALookupByNameFinds()
    {
        var json = """
            {"sequence": 1, "resourcePreEvent": {"metadata": {"op": "update", "o\u0070": "replace", "urn": "urn:pulumi:prod::sc::aws:ec2/instance:Instance::web",
              "type": "aws:ec2/instance:Instance", "diffs": ["ami"], "keys": ["tags"], "k\u0065ys": ["ami"],
              "old": {"urn": "urn:pulumi:prod::sc::aws:ec2/instance:Instance::web", "type": "aws:ec2/instance:Instance", "id": "i-1"},
              "new": {"urn": "urn:pulumi:prod::sc::aws:ec2/instance:Instance::web", "type": "aws:ec2/instance:Instance"},
              "detailedDiff": {"ami": {"kind": "add", "diffKind": "update", "diff\u004bind": "update-replace", "inputDiff": true}}}}}
            """;
        var steps = new List<PreviewStep>();

        new PreviewReader().Read(new MemoryStream(Encoding.UTF8.GetBytes(json)), "events.json", steps.Add);

        var step = Assert.Single(steps);
        Assert.Equal("replace", step.Op);
        Assert.Equal(["ami"], step.DiffReasons);
        Assert.Equal(["ami"], step.ReplaceReasons);
        Assert.Equal("i-1", step.Old!.Id);
        Assert.Equal(new PropertyDiff("update-replace", true), Assert.Single(step.DetailedDiff!).Value);
    }

    [Theory]
    [InlineData(""" "op": 5, "urn": "urn:pulumi:prod::sc::aws:s3/bucket:Bucket::b" """, "steps[0].op must be a string, not a number")]
    [InlineData(""" "op": "update", "urn": 5 """, "steps[0].urn must be a string, not a number")]
    [InlineData(""" "urn": "urn:pulumi:prod::sc::aws:s3/bucket:Bucket::b" """, "steps[0] has no `op`")]
    [InlineData(""" "op": "update" """, "steps[0] has no `urn`")]
    [InlineData(""" "op": "update", "urn": "urn:pulumi:prod::sc::aws:s3/bucket:Bucket::b", "diffReasons": "tags" """, "steps[0].diffReasons must be an array of strings, not a string")]
    [InlineData(""" "op": "update", "urn": "urn:pulumi:prod::sc::aws:s3/bucket:Bucket::b", "replaceReasons": [1] """, "steps[0].replaceReasons must be an array of strings, not hold a number")]
    [InlineData(""" "op": "update", "urn": "urn:pulumi:prod::sc::aws:s3/bucket:Bucket::b", "detailedDiff": [] """, "steps[0].detailedDiff must be an object, not an array")]
    [InlineData(""" "op": 5, "urn": "urn:pulumi:prod::sc::aws:s3/bucket:Bucket::b", "oldState": 3 """, "steps[0].oldState must be an object, not a number")]
    public void Read_StepWithAFieldOfTheWrongType_NamesTheFieldWithItsPlace(string fields, string message)
    {
        var json = $$$"""{"steps": [{{{{fields}}}}]}""";

        var error = Assert.Throws<PreviewFormatException>(() => new PreviewReader().Read(new MemoryStream(Encoding.UTF8.GetBytes(json)), "bad.json", _ => { }));

        Assert.Contains(message, error.Message);
        Assert.Equal(1, error.Line);
        Assert.Equal(11, error.ByteOffset);
    }

    [Fact]
    public void Read_LargePreview_SharesOneStringPerRepeatedValue()
    {
        var steps = new List<PreviewStep>();

        new PreviewReader().ReadFile(Fixture.Path("pulumi-cli/preview-aws-kms-lambda-ssm-update.json"), steps.Add);

        var withBoth = steps.Where(s => s.Old is not null && s.New is not null).ToList();
        Assert.NotEmpty(withBoth);
        Assert.All(withBoth, s =>
        {
            Assert.Same(s.Urn.Value, s.Old!.Urn);
            Assert.Same(s.Urn.Value, s.New!.Urn);
            Assert.Same(s.Old.Type, s.New.Type);
        });
        Assert.Single(steps.Select(s => s.Urn.Stack).Distinct(ReferenceEqualityComparer.Instance));
    }

    [Theory]
    [InlineData("pulumi-cli/preview-aws-sg-replace.json")]
    [InlineData("pulumi-cli/events-aws-ec2-replace.json")]
    [InlineData("ops/cloud-events-aws-ec2-replace.json")]
    [InlineData("pulumi-cli/export-aws-sg-state.json")]
    public void Read_WithOnRead_SeesEachStepOnceBeforeItsHandlerDoes(string fixture)
    {
        var read = new ConcurrentQueue<PreviewStep>();
        var handled = new List<PreviewStep>();

        new PreviewReader().ReadFile(
            Fixture.Path(fixture),
            step =>
            {
                Assert.Contains(step, read);
                handled.Add(step);
            },
            read.Enqueue);

        Assert.NotEmpty(handled);
        Assert.Equal(handled, read);
    }

    [Theory]
    [InlineData("malformed/wrong-type-op.json")]
    [InlineData("malformed/truncated.json")]
    public void Read_MalformedStep_CallsOnReadOnlyForTheStepsBeforeIt(string fixture)
    {
        var read = new ConcurrentQueue<PreviewStep>();
        var handled = new List<PreviewStep>();

        Assert.Throws<PreviewFormatException>(() => new PreviewReader().ReadFile(Fixture.Path(fixture), handled.Add, read.Enqueue));

        Assert.Equal(handled, read);
    }

    [Theory]
    [InlineData("""{"kind": 5}""", "steps[0].detailedDiff[\"tags\"].kind must be a string, not a number")]
    [InlineData("""{"kind": "update", "inputDiff": "yes"}""", "steps[0].detailedDiff[\"tags\"].inputDiff must be true or false, not a string")]
    [InlineData("[]", "steps[0].detailedDiff[\"tags\"] must be an object, not an array")]
    public void Read_BadDetailedDiffEntry_SaysWhichEntryAndWhereInTheFile(string entry, string message)
    {
        var json = $$$"""{"steps": [{"op": "update", "urn": "urn:pulumi:prod::sc::aws:s3/bucket:Bucket::b", "detailedDiff": {"tags": {{{entry}}}}}]}""";

        var error = Assert.Throws<PreviewFormatException>(() => new PreviewReader().Read(new MemoryStream(Encoding.UTF8.GetBytes(json)), "bad.json", _ => { }));

        Assert.Contains(message, error.Message);
        Assert.Equal(1, error.Line);
        Assert.Equal(11, error.ByteOffset);
    }

    private static List<string> Strings(JsonElement step, string name) =>
        step.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array ? [.. value.EnumerateArray().Select(v => v.GetString()!)] : [];

    private static void AssertState(JsonElement step, string name, ResourceState? state)
    {
        if (!step.TryGetProperty(name, out var json) || json.ValueKind == JsonValueKind.Null)
        {
            Assert.Null(state);
            return;
        }

        Assert.NotNull(state);
        Assert.Equal(json.GetProperty("urn").GetString(), state.Urn);
        Assert.Equal(json.GetProperty("type").GetString(), state.Type);
        Assert.Equal(Text(json, "id"), state.Id);
        Assert.Equal(Text(json, "parent") is { Length: > 0 } parent ? parent : null, state.Parent);
        Assert.Equal(Text(json, "provider") is { Length: > 0 } provider ? provider : null, state.Provider);
        Assert.Equal(Strings(json, "dependencies"), state.Dependencies);
        Assert.Equal(Flag(json, "protect"), state.Protect);
        Assert.Equal(Flag(json, "delete"), state.Delete);
        Assert.Equal(Flag(json, "retainOnDelete"), state.RetainOnDelete);
    }

    private static string? Text(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static bool Flag(JsonElement obj, string name) => obj.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;
}
