using System.Text;
using System.Text.Json.Nodes;
using SecureCart.Platform.Review.Preview;
using SecureCart.Platform.Review.Risk;

namespace SecureCart.Platform.Review.Tests;

/// <summary>The real security-group preview, changed one field at a time the way Pulumi would write it.</summary>
public sealed class ReviewBehaviourTests
{
    private static JsonNode Preview() => JsonNode.Parse(File.ReadAllText(Fixture.Path("pulumi-cli/preview-aws-sg-replace.json")))!;

    private static ReviewResult Review(JsonNode preview, ReviewOptions? options = null) =>
        new ChangeReviewer(options).Review(new MemoryStream(Encoding.UTF8.GetBytes(preview.ToJsonString())), "preview.json");

    private static JsonNode Step(JsonNode preview, string op) => preview["steps"]!.AsArray().First(s => (string)s!["op"]! == op)!;

    [Fact]
    public void Review_UnknownPlaceholderInASecretLookingInput_IsNoPlainTextSecret()
    {
        var preview = Preview();
        var update = Step(preview, "update");
        update["newState"]!["inputs"]!["masterPassword"] = UnknownValues.Placeholder;
        var withPlainText = Preview();
        Step(withPlainText, "update")["newState"]!["inputs"]!["masterPassword"] = "hunter2hunter2";

        Assert.DoesNotContain(Review(preview).Findings, f => f.Rule.Id == "SC011");
        Assert.Contains(Review(withPlainText).Findings, f => f.Rule.Id == "SC011");
    }

    [Fact]
    public void Review_DeleteReplacedOfAPendingDeleteCopy_IsAPendingDeleteNotDowntime()
    {
        var preview = Preview();
        var replace = Step(preview, "replace");
        var pending = new JsonObject
        {
            ["op"] = "delete-replaced",
            ["urn"] = (string)replace["urn"]!,
            ["oldState"] = replace["oldState"]!.DeepClone(),
            ["detailedDiff"] = null,
        };
        pending["oldState"]!["delete"] = true;
        preview["steps"]!.AsArray().Remove(replace);
        preview["steps"]!.AsArray().Add(pending);
        preview["changeSummary"] = new JsonObject { ["update"] = 3, ["same"] = 2 };

        var result = Review(preview);

        var change = Assert.Single(result.Changes, c => c.Name == "test-sg");
        Assert.Equal("pending-delete", change.Operation);
        Assert.Equal(ReplaceStrategy.None, change.Strategy);
        Assert.False(result.ReplaceStrategies.ContainsKey("delete-before-replace"));
    }

    [Fact]
    public void Review_SameStepThatRemovesProtect_RaisesSC002AndChangesTheDigest()
    {
        var protectedNow = Preview();
        var same = Step(protectedNow, "same");
        same["oldState"]!["protect"] = true;
        same["newState"]!["protect"] = true;
        var unprotected = Preview();
        Step(unprotected, "same")["oldState"]!["protect"] = true;

        var kept = Review(protectedNow);
        var removed = Review(unprotected);

        Assert.DoesNotContain(kept.Findings, f => f.Rule.Id == "SC002");
        Assert.Contains(removed.Findings, f => f.Rule.Id == "SC002" && f.Detail.Contains("protect", StringComparison.Ordinal));
        Assert.NotEqual(kept.Digest, removed.Digest);
    }

    [Theory]
    [InlineData("protect")]
    [InlineData("retainOnDelete")]
    [InlineData("provider")]
    [InlineData("oldValue")]
    public void Digest_AnythingThatChangesWhatUpDoes_ChangesTheDigest(string what)
    {
        var changed = Preview();
        var update = Step(changed, "update");
        switch (what)
        {
            case "protect":
                update["newState"]!["protect"] = true;
                break;
            case "retainOnDelete":
                update["newState"]!["retainOnDelete"] = true;
                break;
            case "provider":
                update["newState"]!["provider"] = "urn:pulumi:test::p::pulumi:providers:aws::other::1";
                break;
            default:
                update["oldState"]!["outputs"]!["arn"] = "arn:aws:s3:::another-bucket";
                break;
        }

        Assert.NotEqual(Review(Preview()).Digest, Review(changed).Digest);
    }

    [Fact]
    public void Review_FailedPreview_GetsNoDigestAndExportsGetNone()
    {
        var failed = Preview();
        failed["diagnostics"] = new JsonArray(new JsonObject { ["severity"] = "error", ["message"] = "boom" });

        Assert.Null(Review(failed).Digest);
        Assert.Null(Fixture.Review("pulumi-cli/export-aws-sg-state.json").Digest);
        Assert.NotNull(Review(Preview()).Digest);
    }

    [Fact]
    public void Review_UpdateWithNoDiffKeys_ShowsTheChangedInputs()
    {
        var preview = Preview();
        var update = Step(preview, "update");
        update["diffReasons"] = null;
        update["detailedDiff"] = null;
        var name = update["urn"]!.ToString().Split("::")[^1];
        update["newState"]!["inputs"]!["forceDestroy"] = true;
        update["oldState"]!["inputs"]!["forceDestroy"] = false;

        var change = Review(preview).Changes.Single(c => c.Name == name);

        var property = Assert.Single(change.Properties, p => p.Path == "forceDestroy");
        Assert.Equal(("false", "true"), (property.Old, property.New));
    }

    [Fact]
    public void Review_StepsDisagreeWithTheSummary_RaisesSC014AndMaybeCorruptIsReported()
    {
        var preview = Preview();
        preview["changeSummary"] = new JsonObject { ["update"] = 4, ["replace"] = 1, ["same"] = 2 };
        preview["maybeCorrupt"] = true;

        var result = Review(preview);

        Assert.Contains(result.Findings, f => f.Rule.Id == "SC014" && f.Detail.Contains("update: 3 step(s), summary 4", StringComparison.Ordinal));
        Assert.Contains(result.Findings, f => f.Rule.Id == "SC014" && f.Detail.Contains("maybeCorrupt", StringComparison.Ordinal));
        Assert.DoesNotContain(Review(Preview()).Findings, f => f.Rule.Id == "SC014");
    }

    [Fact]
    public void Review_EventLogWithFailedResultAndAdvisoryPolicy_FailsAndReportsThePolicy()
    {
        var lines = File.ReadAllLines(Fixture.Path("pulumi-cli/events-aws-ec2-replace.json")).ToList();
        var summary = lines.FindIndex(l => l.Contains("summaryEvent", StringComparison.Ordinal));
        var node = JsonNode.Parse(lines[summary])!;
        node["summaryEvent"]!["result"] = "failed";
        lines[summary] = node.ToJsonString();
        lines.Insert(summary, """{"sequence":900,"timestamp":1649558930,"policyEvent":{"resourceUrn":"urn:pulumi:dev::aws-ts-webserver::aws:ec2/instance:Instance::web-server-www","message":"Instances must not use user data scripts.","color":"never","policyName":"no-user-data","policyPackName":"aws-guard","policyPackVersion":"1","policyPackVersionTag":"1","enforcementLevel":"advisory"}}""");

        var result = new ChangeReviewer().Review(new MemoryStream(Encoding.UTF8.GetBytes(string.Join('\n', lines))), "events.json");

        Assert.True(result.Failed);
        Assert.Null(result.Digest);
        var policy = Assert.Single(result.Findings, f => f.Rule.Id == "SC013");
        Assert.Equal(Severity.Medium, policy.Severity);
        Assert.Equal("web-server-www", policy.Name);
    }

    [Fact]
    public void Review_CreateAndDelete_ListTheInputsThatDefineTheResource()
    {
        var preview = Preview();
        var update = Step(preview, "update");
        update["op"] = "create";
        update["oldState"] = null;
        update["changeSummary"] = null;
        preview["changeSummary"] = null;
        var name = update["urn"]!.ToString().Split("::")[^1];

        var change = Review(preview).Changes.Single(c => c.Name == name);

        Assert.NotEmpty(change.Properties);
        Assert.All(change.Properties, p => Assert.Equal(("add", ValueText.Absent), (p.Kind, p.Old)));
        Assert.DoesNotContain(change.Properties, p => p.Path == "__defaults");
    }

    [Fact]
    public void Review_LongPolicyValue_IsCarriedWhole()
    {
        var preview = Preview();
        var update = Step(preview, "update");
        var actions = string.Join(",", Enumerable.Range(0, 60).Select(i => $"\"s3:Action{i}\""));
        var policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[" + actions + "],\"Resource\":\"*\"}]}";
        update["newState"]!["inputs"]!["policy"] = policy;
        update["diffReasons"] = new JsonArray("policy");
        update["detailedDiff"] = new JsonObject { ["policy"] = new JsonObject { ["kind"] = "add", ["inputDiff"] = true } };
        var name = update["urn"]!.ToString().Split("::")[^1];

        var property = Review(preview).Changes.Single(c => c.Name == name).Properties.Single(p => p.Path == "policy");

        Assert.Contains("s3:Action59", property.New, StringComparison.Ordinal);
        Assert.DoesNotContain('…', property.New);
    }

    [Fact]
    public void Review_RefreshWhoseOutputsEventCarriesTheRewrittenOp_IsCountedOnce()
    {
        var lines = File.ReadAllLines(Fixture.Path("pulumi-cli/events-aws-ec2-replace.json")).ToList();
        var pre = lines.FindIndex(l => l.Contains("resourcePreEvent", StringComparison.Ordinal) && l.Contains("::web-secgrp\"", StringComparison.Ordinal));
        lines[pre] = lines[pre].Replace("\"op\":\"same\"", "\"op\":\"refresh\"", StringComparison.Ordinal);
        var steps = new List<PreviewStep>();

        var header = new PreviewReader().Read(new MemoryStream(Encoding.UTF8.GetBytes(string.Join('\n', lines))), "events.json", steps.Add);

        Assert.Equal(["same", "refresh", "create-replacement", "replace", "delete-replaced"], steps.Select(s => s.Op));
        Assert.Equal(6, header.RepeatedEvents);
    }

    [Theory]
    [InlineData("read-replacement", "reads an existing resource")]
    [InlineData("import-replacement", "imports an existing resource")]
    public void Review_ReadOrImportReplacement_IsOneReplacementThatSaysWhy(string op, string reason)
    {
        var preview = Preview();
        var replace = Step(preview, "replace");
        var first = replace.DeepClone();
        first["op"] = op;
        var steps = preview["steps"]!.AsArray();
        steps.Insert(steps.IndexOf(replace), first);
        preview["changeSummary"] = null;

        var change = Assert.Single(Review(preview).Changes, c => c.Name == "test-sg");

        Assert.Equal("replace", change.Operation);
        Assert.Equal([op, "replace"], change.Steps);
        Assert.Contains(change.ReplaceReasons, r => r.Contains(reason, StringComparison.Ordinal));
    }

    [Fact]
    public void Review_RealEventLogWhereTheInstanceIsReplaced_ReportsItsStackOutputsBecomingUnknown()
    {
        var lines = File.ReadAllLines(Fixture.Path("pulumi-cli/events-aws-ec2-replace.json")).ToList();
        var last = lines.FindLastIndex(l => l.Contains("resOutputsEvent", StringComparison.Ordinal) && l.Contains("\"type\":\"pulumi:pulumi:Stack\"", StringComparison.Ordinal));
        lines.RemoveAt(last);

        var replaced = Fixture.Review("pulumi-cli/events-aws-ec2-replace.json");
        var kept = new ChangeReviewer().Review(new MemoryStream(Encoding.UTF8.GetBytes(string.Join('\n', lines))), "events.json");

        Assert.Equal(["publicHostName", "publicIp"], replaced.Header.OutputChanges.Select(o => o.Path));
        Assert.All(replaced.Header.OutputChanges, o => Assert.Equal(("update", UnknownValues.Shown), (o.Kind, o.New)));
        Assert.Equal("\"34.211.56.110\"", replaced.Header.OutputChanges[1].Old);
        Assert.Empty(kept.Header.OutputChanges);
    }
}
