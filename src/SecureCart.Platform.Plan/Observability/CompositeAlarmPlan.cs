using System.Text.RegularExpressions;

namespace SecureCart.Platform.Plan.Observability;

/// <summary>A composite alarm: a rule over other alarms of the plan (by logical name); it notifies, its children do not.</summary>
/// <param name="Rule">CloudWatch alarm-rule syntax with logical names in place of alarm names, e.g. <c>ALARM(a) AND ALARM(b)</c>.</param>
public sealed partial record CompositeAlarmPlan(string LogicalName, string Name, string Rule, string Description)
{
    /// <summary>The logical names the rule refers to, in order of appearance.</summary>
    public IEnumerable<string> Children() => ChildPattern().Matches(Rule).Select(m => m.Groups[1].Value);

    [GeneratedRegex(@"ALARM\(([^)]+)\)", RegexOptions.CultureInvariant)]
    private static partial Regex ChildPattern();
}
