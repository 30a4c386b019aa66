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
        var pass = new Pass(_options);
        var header = new PreviewReader().Read(stream, source, pass.Add);
        return pass.Finish(header);
    }

    private sealed class Pass(ReviewOptions options)
    {
        private readonly ReviewDigest _digest = new();
        private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);
        private readonly Dictionary<string, ChangeBuilder> _replacements = new(StringComparer.Ordinal);
        private readonly List<ChangeBuilder> _changes = [];
        private readonly List<RiskFinding> _findings = [];
        private readonly HashSet<(string Rule, string Urn, string Detail)> _findingKeys = [];
        private readonly List<string> _unknown = [];
        private readonly DependencyIndex _dependencies = new(target => ResourceUrn.TryParse(target, out var urn) && StatefulResources.IsStateful(urn.Type));
        private readonly List<PreviewStep> _priced = [];
        private readonly ReviewPolicy _policy = options.Policy;
        private string? _stack;
        private bool _auditState;

        public void Add(PreviewStep step)
        {
            _stack ??= step.Urn.Stack;
            _digest.Add(step);
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
                var policy = _auditState ? _policy with { AuditUnchanged = true } : _policy;
                foreach (var rule in options.Rules)
                {
                    foreach (var finding in rule.Evaluate(step, policy))
                    {
                        Finding(finding);
                    }
                }
            }

            if (step.Op is StepOperations.Create or StepOperations.Delete or StepOperations.Update or StepOperations.Replace
                && step.Current is { } state && Pricable(state))
            {
                _priced.Add(Slim(step));
            }
        }

        public void MarkExport(PreviewHeader header) => _auditState = header.Format == InputFormat.StackExport;

        public ReviewResult Finish(PreviewHeader header)
        {
            if (header.Failed)
            {
                var errors = header.Diagnostics.Where(d => d.IsError).ToList();
                _findings.Add(new RiskFinding
                {
                    Rule = RiskRules.PreviewFailed,
                    Severity = RiskRules.PreviewFailed.Severity,
                    Urn = errors.Select(e => e.Urn).FirstOrDefault(u => u is not null) ?? header.Source,
                    Type = "pulumi:pulumi:Stack",
                    Name = _stack ?? header.Source,
                    Detail = $"{errors.Count} error diagnostic(s): {Shorten(errors[0].Message)}",
                });
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
                Findings = findings,
                Digest = _digest.Finish(),
                Cost = Cost(header),
                UnknownOperations = [.. _unknown.Distinct(StringComparer.Ordinal)],
            };
        }

        private void Change(PreviewStep step, bool known)
        {
            var pendingDelete = step.Old is { Delete: true } || step.New is { Delete: true };
            var operation = !known ? step.Op
                : pendingDelete ? "pending-delete"
                : StepOperations.IsReplacementPart(step.Op) ? "replace"
                : step.Op switch
                {
                    StepOperations.ReadReplacement => "read",
                    StepOperations.ImportReplacement => "import",
                    _ => step.Op,
                };
            if (operation == "replace")
            {
                if (!_replacements.TryGetValue(step.Urn.Value, out var existing))
                {
                    existing = new ChangeBuilder(step, operation, options.MaxPropertiesPerResource);
                    _replacements[step.Urn.Value] = existing;
                    _changes.Add(existing);
                    Count(operation);
                }

                existing.Merge(step);
                return;
            }

            _changes.Add(new ChangeBuilder(step, operation, options.MaxPropertiesPerResource).Merge(step));
            Count(operation);
        }

        private void Count(string operation) => _counts[operation] = _counts.GetValueOrDefault(operation) + 1;

        private void Finding(RiskFinding finding)
        {
            if (_findingKeys.Add((finding.Rule.Id, finding.Urn, finding.Detail)))
            {
                _findings.Add(finding);
            }
        }

        private CostDeltaReport? Cost(PreviewHeader header)
        {
            var prices = options.Prices ?? PriceBook.Default;
            var region = options.Region ?? header.Config.GetValueOrDefault("aws:region");
            var pricer = new ResourcePricer(prices);
            var lines = ImmutableArray.CreateBuilder<CostLine>();
            foreach (var step in _priced)
            {
                var (before, beforeBasis) = step.Old is { } old && step.Op != StepOperations.Create ? pricer.Monthly(old, region) : (null, "");
                var (after, afterBasis) = step.New is { } now && step.Op != StepOperations.Delete ? pricer.Monthly(now, region) : (null, "");
                var basis = afterBasis.Length > 0 ? afterBasis : beforeBasis;
                var known = (step.Op == StepOperations.Create || before is not null) && (step.Op == StepOperations.Delete || after is not null);
                lines.Add(new CostLine(step.Urn.Value, step.Type, step.Urn.Name, step.Op, known ? before : null, known ? after : null, basis));
            }

            return new CostDeltaReport(region, prices.Source, prices.AsOf, lines.ToImmutable());
        }

        private static bool Pricable(ResourceState state) => state.Custom || state.Type.Contains(':', StringComparison.Ordinal);

        // Keeps only what pricing reads, so a 100,000-step preview does not keep its inputs alive.
        private static PreviewStep Slim(PreviewStep step) => step with
        {
            Old = step.Old is null ? null : step.Old with { Inputs = step.Old.Inputs.ValueKind == System.Text.Json.JsonValueKind.Undefined ? default : step.Old.Inputs.Clone(), Outputs = default },
            New = step.New is null ? null : step.New with { Inputs = step.New.Inputs.ValueKind == System.Text.Json.JsonValueKind.Undefined ? default : step.New.Inputs.Clone(), Outputs = default },
            DetailedDiff = null,
        };

        private static string Strategy(ReplaceStrategy strategy) => strategy switch
        {
            ReplaceStrategy.CreateBeforeDelete => "create-before-delete",
            ReplaceStrategy.DeleteBeforeReplace => "delete-before-replace",
            _ => "unspecified",
        };

        private static string Shorten(string text) => text.Length > 200 ? text[..200] + "…" : text;
    }
}
