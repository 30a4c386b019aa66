using System.Collections.Immutable;
using SecureCart.Platform.Plan.Cost;
using SecureCart.Platform.Review.CostDelta;
using SecureCart.Platform.Review.Digest;
using SecureCart.Platform.Review.Export;
using SecureCart.Platform.Review.Preview;
using SecureCart.Platform.Review.Risk;

namespace SecureCart.Platform.Review;

/// <summary>
/// Reviews one stack's preview in a single streaming pass: counts, per-resource changes, risk findings with
/// blast radius, cost delta and the digest. Only the summaries are kept, never the steps themselves.
/// </summary>
public sealed class ChangeReviewer(ReviewOptions? options = null)
{
    private readonly ReviewOptions _options = options ?? new ReviewOptions();

    public ReviewResult ReviewFile(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        return Review(stream, path);
    }

    public ReviewResult Review(Stream stream, string source)
    {
        using var pass = new Pass(_options);
        var header = new PreviewReader().Read(stream, source, pass.Add, pass.Read);
        return pass.Finish(header);
    }

    private sealed class Pass(ReviewOptions options) : IDisposable
    {
        private readonly Reports.ChangeSpill? _spill = options.SpillDirectory is { } directory ? new Reports.ChangeSpill(directory) : null;
        private readonly ReviewDigest _digest = new();
        private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _rawOps = new(StringComparer.Ordinal);
        private readonly HashSet<string> _replacing = new(StringComparer.Ordinal);
        private readonly Dictionary<string, ChangeBuilder> _replacements = new(StringComparer.Ordinal);
        private readonly List<ChangeBuilder> _changes = [];
        private readonly List<RiskFinding> _findings = [];
        private readonly HashSet<(string Rule, string Urn, string Detail)> _findingKeys = [];
        private readonly List<string> _unknown = [];
        private readonly DependencyIndex _dependencies = new(target => ResourceUrn.TryParse(target, out var urn) && StatefulResources.IsStateful(urn.Type));
        private readonly List<PendingCost> _priced = [];
        private readonly ResourcePricer _pricer = new(options.Prices ?? PriceBook.Default);
        private ReviewPolicy? _policy;
        private readonly Plans.PlanCheck? _plan = options.Plan is { } plan ? new Plans.PlanCheck(plan) : null;
        private string? _stack;

        /// <summary>The work that needs only the step: done on the reading thread, beside <see cref="Add"/>.</summary>
        public void Read(PreviewStep step) => _digest.Add(step);

        public void Add(PreviewStep step)
        {
            _stack ??= step.Urn.Stack;
            _rawOps[step.Op] = _rawOps.GetValueOrDefault(step.Op) + 1;
            _plan?.Add(step);
            if (step.Old is not null)
            {
                _dependencies.Add(step.Old);
            }

            if (step.New is not null)
            {
                _dependencies.Add(step.New);
            }

            var known = StepOperations.IsKnown(step.Op);
            if (!known)
            {
                _unknown.Add(step.Op);
                Finding(RiskFindings.For(RiskRules.UnknownOperation, step, $"step `{step.Op}` on {step.Urn.Name} (line {step.Line}) was not judged"));
            }

            if (step.Op == StepOperations.Same && step.New is { Delete: false })
            {
                Count(StepOperations.Same);
            }
            else
            {
                Change(step, known);
            }

            if (known)
            {
                _policy ??= options.PendingPolicy?.GetAwaiter().GetResult() ?? options.Policy;
                var policy = step.FromExport ? _policy with { AuditUnchanged = true } : _policy;
                foreach (var rule in options.Rules)
                {
                    foreach (var finding in rule.Evaluate(step, policy))
                    {
                        Finding(finding);
                    }
                }
            }

            if (step.Op is StepOperations.Create or StepOperations.Delete or StepOperations.Update or StepOperations.Replace
                && !(step.Op == StepOperations.Delete && step.Old is { Delete: true }))
            {
                // Only the SKUs are kept; prices are looked up at the end, once the region is known.
                var before = step.Op == StepOperations.Create || step.Old is null ? [] : ResourcePricer.Units(step.Old);
                var after = step.Op == StepOperations.Delete || step.New is null ? [] : ResourcePricer.Units(step.New);
                if (before.Length > 0 || after.Length > 0)
                {
                    _priced.Add(new PendingCost(step.Urn.Value, step.Type, step.Urn.Name, step.Op, before, after));
                }
            }
        }

        public ReviewResult Finish(PreviewHeader header)
        {
            if (header.Failed)
            {
                var errors = header.Diagnostics.Where(d => d.IsError).ToList();
                _findings.Add(StackFinding(
                    RiskRules.PreviewFailed,
                    errors.Select(e => e.Urn).FirstOrDefault(u => u is not null) ?? header.Source,
                    _stack ?? header.Source,
                    errors.Count > 0
                        ? $"{errors.Count} error diagnostic(s): {Shorten(errors[0].Message)}"
                        : $"the summary says the operation {header.Result}"));
            }

            foreach (var violation in header.PolicyViolations)
            {
                var severity = violation.Severity switch
                {
                    "critical" => Severity.Critical,
                    "high" => Severity.High,
                    "low" => Severity.Low,
                    "medium" => Severity.Medium,
                    _ => violation.Mandatory ? Severity.High : Severity.Medium,
                };
                var urn = violation.Urn is { Length: > 0 } u ? u : header.Source;
                Finding(StackFinding(
                    RiskRules.PolicyViolation,
                    urn,
                    ResourceUrn.TryParse(urn, out var parsed) ? parsed.Name : _stack ?? header.Source,
                    $"{(violation.Mandatory ? "mandatory" : violation.EnforcementLevel is "warning" or "" ? "advisory" : violation.EnforcementLevel)} policy `{violation.Pack}/{violation.Policy}`: {Shorten(violation.Message)}",
                    severity,
                    violation.Line));
            }

            if (SummaryDisagreement(header) is { } disagreement)
            {
                _findings.Add(StackFinding(RiskRules.SummaryMismatch, header.Source, _stack ?? header.Source, disagreement));
            }

            if (header.MaybeCorrupt)
            {
                _findings.Add(StackFinding(RiskRules.SummaryMismatch, header.Source, _stack ?? header.Source, "Pulumi marked the result `maybeCorrupt`: one or more resources may be in an unknown state", Severity.Critical));
            }

            var planProblems = _plan?.Finish() ?? [];
            foreach (var (urn, problem) in planProblems)
            {
                _findings.Add(StackFinding(RiskRules.PlanMismatch, urn, ResourceUrn.TryParse(urn, out var parsed) ? parsed.Name : urn, problem));
            }

            var export = options.State?.Dependencies();
            var findings = _findings
                .Select(f => f.Rule.Id == StatefulChangeRule.Info.Id
                    ? f with { BlastRadius = [.. _dependencies.DependentsOf(f.Urn).Union(export?.DependentsOf(f.Urn) ?? [], StringComparer.Ordinal)] }
                    : f)
                .OrderByDescending(f => f.Severity)
                .ThenBy(f => f.Rule.Id, StringComparer.Ordinal)
                .ThenBy(f => f.Urn, StringComparer.Ordinal)
                .ToImmutableArray();
            var changes = _changes.Select(c => c.Build()).ToImmutableArray();
            var strategies = changes.Where(c => c.Operation == "replace")
                .GroupBy(c => Strategy(c.Strategy))
                .ToImmutableSortedDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
            return new ReviewResult
            {
                Header = header,
                Stack = _stack,
                Counts = _counts.ToImmutableSortedDictionary(StringComparer.Ordinal),
                ReplaceStrategies = strategies,
                Changes = changes,
                Spilled = _spill?.Finish(),
                Findings = findings,
                // A failed preview is not the whole change and an export is no change: neither is something to approve.
                Digest = header.Failed || header.Format == InputFormat.StackExport ? null : _digest.Finish(),
                Cost = Cost(header),
                UnknownOperations = [.. _unknown.Distinct(StringComparer.Ordinal)],
                PlanMatches = _plan is null ? null : planProblems.Count == 0 && !header.Failed,
            };
        }

        private void Change(PreviewStep step, bool known)
        {
            // A copy marked `delete` (or that copy in an export) is the leftover of an earlier create-before-delete
            // replacement. The engine removes it with a `delete-replaced` step (step_generator.go, GenerateDeletes)
            // of its own, not as part of a replacement of the URN, so it is no downtime.
            if (step.Op is StepOperations.CreateReplacement or StepOperations.Replace)
            {
                _replacing.Add(step.Urn.Value);
            }

            var pendingDelete = (step.Op == StepOperations.Delete && step.Old is { Delete: true })
                || (step.Op == StepOperations.DeleteReplaced && step.Old is { Delete: true } && !_replacing.Contains(step.Urn.Value))
                || (step.Op == StepOperations.Same && step.New is { Delete: true });
            var operation = !known ? step.Op
                : pendingDelete ? "pending-delete"
                // read-replacement and import-replacement come with a `replace` step of the same URN
                // (step_generator.go GenerateReadSteps / generateSteps): one replacement, said so in its reasons.
                : StepOperations.IsReplacementPart(step.Op) ? "replace"
                : step.Op;
            if (operation == "replace")
            {
                if (!_replacements.TryGetValue(step.Urn.Value, out var existing))
                {
                    existing = new ChangeBuilder(step, operation, options.MaxPropertiesPerResource);
                    _replacements[step.Urn.Value] = existing;
                    _changes.Add(existing);
                    _spill?.Hold();
                    Count(operation);
                }

                existing.Merge(step);
                return;
            }

            // Only the parts of a replacement come in several steps; any other change is complete now.
            var change = new ChangeBuilder(step, operation, options.MaxPropertiesPerResource).Merge(step);
            if (_spill is null)
            {
                _changes.Add(change.Freeze());
            }
            else
            {
                _spill.Add(change.Build());
            }

            Count(operation);
        }

        // Pulumi counts each step by its op, but not the create-replacement / delete-replaced halves of a
        // replacement; `same` is left out because `--json` omits the same-steps of default providers.
        // A review that fails (or a spill handed over by Finish) leaves no file behind.
        public void Dispose()
        {
            _spill?.Dispose();
            _digest.Dispose();
        }

        private string? SummaryDisagreement(PreviewHeader header)
        {
            if (header.ChangeSummary.IsEmpty)
            {
                return null;
            }

            string[] uncounted = [StepOperations.Same, StepOperations.CreateReplacement, StepOperations.DeleteReplaced, StepOperations.DiscardReplaced];
            var ops = header.ChangeSummary.Keys.Union(_rawOps.Keys, StringComparer.Ordinal)
                .Where(op => !uncounted.Contains(op))
                .Order(StringComparer.Ordinal);
            var differences = ops
                .Select(op => (Op: op, Summary: header.ChangeSummary.GetValueOrDefault(op), Steps: _rawOps.GetValueOrDefault(op)))
                .Where(d => d.Summary != d.Steps)
                .Select(d => $"{d.Op}: {d.Steps} step(s), summary {d.Summary}")
                .ToList();
            return differences.Count == 0 ? null : "the steps and Pulumi's summary disagree (" + string.Join("; ", differences) + ")";
        }

        private static RiskFinding StackFinding(RiskRuleInfo rule, string urn, string name, string detail, Severity? severity = null, long line = 0) => new()
        {
            Rule = rule,
            Severity = severity ?? rule.Severity,
            Urn = urn,
            Type = "pulumi:pulumi:Stack",
            Name = name,
            Detail = detail,
            Line = line,
        };

        private void Count(string operation) => _counts[operation] = _counts.GetValueOrDefault(operation) + 1;

        private void Finding(RiskFinding finding)
        {
            if (_findingKeys.Add((finding.Rule.Id, finding.Urn, finding.Detail)))
            {
                _findings.Add(finding);
            }
        }

        private CostDeltaReport Cost(PreviewHeader header)
        {
            var region = options.Region ?? header.Config.GetValueOrDefault("aws:region");
            var lines = ImmutableArray.CreateBuilder<CostLine>(_priced.Count);
            foreach (var pending in _priced)
            {
                var (before, beforeBasis) = pending.Before.Length > 0 ? _pricer.Monthly(pending.Before, region) : (0m, "");
                var (after, afterBasis) = pending.After.Length > 0 ? _pricer.Monthly(pending.After, region) : (0m, "");
                var basis = afterBasis.Length > 0 ? afterBasis : beforeBasis;
                var known = before is not null && after is not null;
                lines.Add(new CostLine(
                    pending.Urn,
                    pending.Type,
                    pending.Name,
                    pending.Op,
                    known && pending.Before.Length > 0 ? before : null,
                    known && pending.After.Length > 0 ? after : null,
                    known ? basis : (pending.Before.Length > 0 && before is null ? beforeBasis : afterBasis)));
            }

            return new CostDeltaReport(region, _pricer.Prices.Source, _pricer.Prices.AsOf, lines.ToImmutable());
        }

        private static string Strategy(ReplaceStrategy strategy) => strategy switch
        {
            ReplaceStrategy.CreateBeforeDelete => "create-before-delete",
            ReplaceStrategy.DeleteBeforeReplace => "delete-before-replace",
            _ => "unspecified",
        };

        private sealed record PendingCost(string Urn, string Type, string Name, string Op, ImmutableArray<PricedUnit> Before, ImmutableArray<PricedUnit> After);

        private static string Shorten(string text) => text.Length > 200 ? text[..200] + "…" : text;
    }
}
