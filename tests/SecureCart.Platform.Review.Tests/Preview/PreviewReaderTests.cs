using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using SecureCart.Platform.Review.Preview;

namespace SecureCart.Platform.Review.Tests.Preview;

public sealed class PreviewReaderTests
{
    private static (PreviewHeader Header, List<PreviewStep> Steps) Read(string fixture, PreviewReaderOptions? options = null)
    {
        var steps = new List<PreviewStep>();
        var header = new PreviewReader(options).ReadFile(Fixture.Path(fixture), steps.Add);
        return (header, steps);
    }

    [Fact]
    public void Read_RealPreviewWithReplacement_ReadsEveryStepAndTheChangeSummary()
    {
        var (header, steps) = Read("pulumi-cli/preview-aws-sg-replace.json");

        Assert.Equal(InputFormat.PreviewDigest, header.Format);
        Assert.Equal(["same", "update", "update", "replace", "update"], steps.Select(s => s.Op));
        Assert.Equal(new Dictionary<string, int> { ["replace"] = 1, ["same"] = 2, ["update"] = 3 }, header.ChangeSummary);
        var replace = steps[3];
        Assert.Equal("aws:ec2/securityGroup:SecurityGroup", replace.Type);
        Assert.Equal("test-sg", replace.Urn.Name);
        Assert.Equal(["description"], replace.ReplaceReasons);
        Assert.Equal("update-replace", replace.DetailedDiff!["description"].Kind);
        Assert.Equal("add", replace.DetailedDiff["ingress[0]"].Kind);
        Assert.Null(steps[0].DetailedDiff);
        Assert.False(header.Failed);
    }

    [Fact]
    public void Read_EngineEventLog_TakesOneStepPerOpAndUrnAndCountsTheRepeats()
    {
        var (header, steps) = Read("pulumi-cli/events-aws-ec2-replace.json");

        Assert.Equal(InputFormat.EngineEvents, header.Format);
        Assert.Equal(["same", "same", "create-replacement", "replace", "delete-replaced"], steps.Select(s => s.Op));
        Assert.Equal(6, header.RepeatedEvents);
        Assert.Equal("update-replace", steps[3].DetailedDiff!["userData"].Kind);
        Assert.Equal(["userData"], steps[3].DiffReasons);
        Assert.Equal("us-west-2", header.Config["aws:region"]);
        Assert.Equal(new Dictionary<string, int> { ["replace"] = 1, ["same"] = 2 }, header.ChangeSummary);
    }

    [Fact]
    public void Read_StackExportVersion3_GivesOneSameStepPerResourceWithDependencies()
    {
        var (header, steps) = Read("pulumi-cli/export-aws-kms-lambda-ssm-state.json");

        Assert.Equal(InputFormat.StackExport, header.Format);
        Assert.Equal(3, header.ExportVersion);
        Assert.Equal(9, steps.Count);
        Assert.All(steps, s => Assert.True(s.FromExport && s.Op == "same"));
        var lambda = steps.Single(s => s.Type == "aws:lambda/function:Function").New!;
        Assert.Equal(4, lambda.Dependencies.Length);
        Assert.Equal(3, lambda.PropertyDependencies["environment"].Length);
    }

    [Fact]
    public void Read_StackExportVersion4WithPendingDelete_KeepsBothCopiesOfTheUrn()
    {
        var (header, steps) = Read("ops/export-v4-pending-delete.json");

        Assert.Equal(4, header.ExportVersion);
        Assert.Equal(["refreshBeforeUpdate"], header.ExportFeatures);
        var copies = steps.Where(s => s.Type == "aws:ec2/securityGroup:SecurityGroup").ToList();
        Assert.Equal(2, copies.Count);
        Assert.Single(copies, c => c.New!.Delete);
    }

    [Theory]
    [InlineData("utf-16le")]
    [InlineData("utf-16be")]
    [InlineData("utf-8-bom")]
    public void Read_SameFileInAnotherEncodingWithBom_ReadsTheSameSteps(string encoding)
    {
        var text = File.ReadAllText(Fixture.Path("pulumi-cli/preview-aws-sg-replace.json"));
        Encoding target = encoding switch
        {
            "utf-16le" => new UnicodeEncoding(false, true),
            "utf-16be" => new UnicodeEncoding(true, true),
            _ => new UTF8Encoding(true),
        };
        using var stream = new MemoryStream([.. target.GetPreamble(), .. target.GetBytes(text)]);
        var steps = new List<PreviewStep>();

        var header = new PreviewReader(new PreviewReaderOptions { KeepValues = true }).Read(stream, "tee-object.json", steps.Add);

        Assert.Equal(5, steps.Count);
        Assert.Equal(3, header.ChangeSummary["update"]);
        Assert.Equal("Security group for drift-adopter testing", steps[3].New!.Input("description").GetString());
    }

    [Fact]
    public void Read_StepsAcrossManySmallReads_StreamsWithoutLosingAStep()
    {
        var bytes = File.ReadAllBytes(Fixture.Path("pulumi-cli/preview-aws-kms-lambda-ssm-update.json"));
        using var stream = new TrickleStream(bytes, 7);
        var steps = new List<string>();

        new PreviewReader().Read(stream, "trickle.json", s => steps.Add(s.Urn.Name));

        Assert.Equal(5, steps.Count);
        Assert.Contains("db-password", steps);
    }

    [Theory]
    [InlineData("malformed/truncated.json", "not valid JSON")]
    [InlineData("malformed/wrong-type-op.json", "steps[2].op must be a string, not a number")]
    [InlineData("malformed/steps-not-array.json", "`steps` must be an array")]
    [InlineData("malformed/bad-urn.json", "is not a Pulumi URN")]
    [InlineData("malformed/not-json.json", "not valid JSON")]
    [InlineData("malformed/empty.json", "the input is empty")]
    [InlineData("malformed/export-version-2.json", "deployment schema version 2 is not supported")]
    public void Read_MalformedInput_ThrowsNamingFileLineAndProblem(string fixture, string problem)
    {
        var ex = Assert.Throws<PreviewFormatException>(() => Read(fixture));

        Assert.Contains(problem, ex.Message);
        Assert.StartsWith(Fixture.Path(fixture) + ": line ", ex.Message);
    }

    [Fact]
    public void Read_WrongTypeDeepInTheFile_ReportsTheLineTheStepStartsOn()
    {
        var ex = Assert.Throws<PreviewFormatException>(() => Read("malformed/wrong-type-op.json"));

        var lines = File.ReadAllLines(Fixture.Path("malformed/wrong-type-op.json"));
        Assert.Equal("{", lines[ex.Line - 1].Trim());
        Assert.Contains("\"op\": 5", lines[(int)ex.Line]);
    }

    [Fact]
    public void Read_ValueLargerThanTheLimit_IsUnreadableNotAnOutOfMemory()
    {
        var huge = new string('x', 3 * 1024 * 1024);
        var json = """{"steps":[{"op":"create","urn":"urn:pulumi:s::p::t:m:T::n","newState":{"urn":"urn:pulumi:s::p::t:m:T::n","type":"t:m:T","inputs":{"userData":"HUGE"}}}]}""".Replace("HUGE", huge, StringComparison.Ordinal);
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));

        var ex = Assert.Throws<PreviewFormatException>(() => new PreviewReader(new PreviewReaderOptions { MaxValueBytes = 1024 * 1024 }).Read(stream, "huge.json", _ => { }));

        Assert.Contains("larger than 1 MiB", ex.Message);
    }

    [Theory]
    [InlineData("pulumi-cli/preview-aws-kms-lambda-ssm-update.json")]
    [InlineData("pulumi-cli/preview-aws-sg-replace.json")]
    public void Read_OnTwoThreads_GivesTheSameStepsInTheSameOrderAsOnOne(string fixture)
    {
        var (oneHeader, one) = Read(fixture, new PreviewReaderOptions { Pipelined = false });
        var (twoHeader, two) = Read(fixture, new PreviewReaderOptions { Pipelined = true });

        Assert.NotEmpty(one);
        Assert.Equal(one.Select(s => (s.Op, s.Urn.Value, s.Line)), two.Select(s => (s.Op, s.Urn.Value, s.Line)));
        Assert.Equal(oneHeader.StepCount, twoHeader.StepCount);
        Assert.Equal(oneHeader.ChangeSummary, twoHeader.ChangeSummary);
    }

    [Theory]
    [InlineData("malformed/truncated.json")]
    [InlineData("malformed/wrong-type-op.json")]
    [InlineData("malformed/invalid-utf8-value.json")]
    [InlineData("malformed/not-json.json")]
    public void Read_MalformedInputOnTwoThreads_FailsAtTheSamePlaceAfterTheSameSteps(string fixture)
    {
        var one = new List<string>();
        var two = new List<string>();

        var single = Assert.Throws<PreviewFormatException>(() => new PreviewReader(new PreviewReaderOptions { Pipelined = false }).ReadFile(Fixture.Path(fixture), s => one.Add(s.Urn.Value)));
        var pipelined = Assert.Throws<PreviewFormatException>(() => new PreviewReader(new PreviewReaderOptions { Pipelined = true }).ReadFile(Fixture.Path(fixture), s => two.Add(s.Urn.Value)));

        Assert.Equal(single.Message, pipelined.Message);
        Assert.Equal(single.Line, pipelined.Line);
        Assert.Equal(one, two);
    }

    [Fact]
    public void Read_HandlerFailsOnTwoThreads_StopsReadingAndRaisesTheHandlersError()
    {
        var seen = 0;

        var ex = Assert.Throws<InvalidCastException>(() => new PreviewReader(new PreviewReaderOptions { Pipelined = true })
            .ReadFile(Fixture.Path("pulumi-cli/preview-aws-kms-lambda-ssm-update.json"), _ => throw new InvalidCastException($"handler {++seen}")));

        Assert.Equal("handler 1", ex.Message);
        Assert.Equal(1, seen);
    }

    [Fact]
    public void Read_HandlerFailsWhileTheReaderWaitsOnAFullQueue_RaisesTheHandlersErrorAndStops()
    {
        // Far more steps than the queue holds: the reader is waiting for room when the handler fails.
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(ManySteps(2_000)));
        var seen = 0;

        var ex = Assert.Throws<InvalidCastException>(() => new PreviewReader(new PreviewReaderOptions { Pipelined = true })
            .Read(stream, "many.json", _ =>
            {
                if (++seen == 30)
                {
                    throw new InvalidCastException($"handler {seen}");
                }
            }));

        Assert.Equal("handler 30", ex.Message);
        Assert.Equal(30, seen);
    }

    [Fact]
    public void Read_ManyStepsOnTwoThreads_GivesEveryStepOnceInOrder()
    {
        var json = ManySteps(5_000);
        var one = new List<string>();
        var two = new List<string>();

        new PreviewReader(new PreviewReaderOptions { Pipelined = false }).Read(new MemoryStream(Encoding.UTF8.GetBytes(json)), "many.json", s => one.Add(s.Urn.Name));
        new PreviewReader(new PreviewReaderOptions { Pipelined = true }).Read(new MemoryStream(Encoding.UTF8.GetBytes(json)), "many.json", s => two.Add(s.Urn.Name));

        Assert.Equal(Enumerable.Range(0, 5_000).Select(i => $"n{i}"), one);
        Assert.Equal(one, two);
    }

    [Fact]
    public void Read_JudgingSideWaitsForSteps_RunsOnReadOnTheCallersThreadOnceEachBeforeItsStep()
    {
        var caller = Environment.CurrentManagedThreadId;
        var onCaller = 0;
        var read = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var order = new List<string>();

        // A slow onRead and an instant onStep: the judging side waits for steps, so the reader leaves onRead to it.
        new PreviewReader(new PreviewReaderOptions { Pipelined = true }).Read(
            new MemoryStream(Encoding.UTF8.GetBytes(ManySteps(2_000))),
            "many.json",
            s => order.Add(read.ContainsKey(s.Urn.Name) ? s.Urn.Name : "not read: " + s.Urn.Name),
            s =>
            {
                Spin(50);
                read.AddOrUpdate(s.Urn.Name, 1, (_, n) => n + 1);
                if (Environment.CurrentManagedThreadId == caller)
                {
                    Interlocked.Increment(ref onCaller);
                }
            });

        Assert.Equal(Enumerable.Range(0, 2_000).Select(i => $"n{i}"), order);
        Assert.All(read.Values, n => Assert.Equal(1, n));
        Assert.Equal(2_000, read.Count);
        if (Environment.ProcessorCount > 1)
        {
            Assert.InRange(onCaller, 1, 2_000);
        }
    }

    [Fact]
    public void Read_JudgingSideBehind_RunsOnReadOnTheReadingThread()
    {
        var caller = Environment.CurrentManagedThreadId;
        var onReader = 0;
        var reads = 0;

        // An instant onRead and a slow onStep: the queue fills, and the reader does onRead itself.
        new PreviewReader(new PreviewReaderOptions { Pipelined = true }).Read(
            new MemoryStream(Encoding.UTF8.GetBytes(ManySteps(400))),
            "many.json",
            _ => Spin(200),
            _ =>
            {
                Interlocked.Increment(ref reads);
                if (Environment.CurrentManagedThreadId != caller)
                {
                    Interlocked.Increment(ref onReader);
                }
            });

        Assert.Equal(400, reads);
        Assert.InRange(onReader, Environment.ProcessorCount > 1 ? 1 : 0, 400);
    }

    // Busy for about this many microseconds: a sleep would give the other side the core and hide who waits.
    private static void Spin(int microseconds)
    {
        var until = Stopwatch.GetTimestamp() + (Stopwatch.Frequency * microseconds / 1_000_000);
        while (Stopwatch.GetTimestamp() < until)
        {
            Thread.SpinWait(10);
        }
    }

    private static string ManySteps(int count) =>
        "{\"steps\":[" + string.Join(",", Enumerable.Range(0, count).Select(i =>
            "{\"op\":\"create\",\"urn\":\"urn:pulumi:s::p::t:m:T::n" + i + "\",\"newState\":{\"urn\":\"urn:pulumi:s::p::t:m:T::n" + i
            + "\",\"type\":\"t:m:T\",\"inputs\":{\"size\":" + i + "}}}")) + "]}";

    private sealed class TrickleStream(byte[] data, int chunk) : MemoryStream(data)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, chunk));

        public override int Read(Span<byte> buffer) => base.Read(buffer[..Math.Min(buffer.Length, chunk)]);
    }
}
