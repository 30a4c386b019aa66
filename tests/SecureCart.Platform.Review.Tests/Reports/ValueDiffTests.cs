using SecureCart.Platform.Review.Reports;

namespace SecureCart.Platform.Review.Tests.Reports;

public sealed class ValueDiffTests
{
    [Fact]
    public void Lines_PolicyInAStringWithOneActionRemoved_ShowsThatActionAsARemovedLine()
    {
        var before = "\"{\\\"Statement\\\":[{\\\"Action\\\":[\\\"s3:GetObject\\\",\\\"s3:PutObject\\\",\\\"s3:DeleteObject\\\"],\\\"Effect\\\":\\\"Allow\\\",\\\"Resource\\\":\\\"*\\\"}],\\\"Version\\\":\\\"2012-10-17\\\"}\"";
        var after = before.Replace(",\\\"s3:DeleteObject\\\"", "", StringComparison.Ordinal);

        var lines = ValueDiff.Lines(new PropertyChange("policy", "update", before, after))!;

        Assert.Contains(lines, l => l.Mark == '-' && l.Text.Contains("s3:DeleteObject", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Mark == '+' && l.Text.Contains("s3:DeleteObject", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Mark == ' ' && l.Text.Contains("s3:GetObject", StringComparison.Ordinal));
    }

    [Fact]
    public void Lines_TemplateWithOneNumberChangedDeepInside_FoldsTheRestAndShowsTheChange()
    {
        var resources = string.Join(",", Enumerable.Range(0, 200).Select(i => $"\"R{i}\":{{\"Type\":\"AWS::SQS::Queue\"}}"));
        string Template(int max) => System.Text.Json.JsonSerializer.Serialize("{\"Resources\":{" + resources + $",\"Group\":{{\"Properties\":{{\"MaxSize\":{max}}}}}}}}}");

        var lines = ValueDiff.Lines(new PropertyChange("templateBody", "update", Template(2), Template(3)))!;

        Assert.Contains(lines, l => l.Mark == '-' && l.Text.Contains("\"MaxSize\": 2", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Mark == '+' && l.Text.Contains("\"MaxSize\": 3", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Mark == '…');
        Assert.True(lines.Count < 20, $"{lines.Count} lines");
    }

    [Fact]
    public void Lines_MultiLineUserData_IsALineDiff()
    {
        var lines = ValueDiff.Lines(new PropertyChange("userData", "update", "\"#!/bin/bash\\necho Hello, World!\\nrun\"", "\"#!/bin/bash\\necho Hello, Pulumi!\\nrun\""))!;

        Assert.Equal(['-', '+'], lines.Where(l => l.Mark != ' ').Select(l => l.Mark));
    }

    [Fact]
    public void Lines_ShortValues_StayOnOneLine()
    {
        Assert.Null(ValueDiff.Lines(new PropertyChange("maxSize", "update", "2", "3")));
    }

    [Fact]
    public void Markdown_ValueWithRawHtml_IsEscapedOutsideCode()
    {
        var result = Fixture.Review("pulumi-cli/preview-aws-sg-replace.json");
        var finding = new SecureCart.Platform.Review.Risk.RiskFinding
        {
            Rule = SecureCart.Platform.Review.Risk.RiskRules.PolicyViolation,
            Severity = SecureCart.Platform.Review.Risk.Severity.Medium,
            Urn = "urn:pulumi:s::p::t::n",
            Type = "t",
            Name = "n",
            Detail = "policy says <img src=x onerror=alert(1)>",
        };
        using var output = new StringWriter();

        MarkdownReport.Write([result with { Findings = [finding] }], output);

        Assert.DoesNotContain("<img", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("&lt;img", output.ToString(), StringComparison.Ordinal);
    }
}
