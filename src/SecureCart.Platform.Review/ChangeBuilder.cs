using System.Collections.Immutable;
using System.Text.Json;
using SecureCart.Platform.Review.Preview;

namespace SecureCart.Platform.Review;

/// <summary>Collects the steps of one resource (one, or the parts of a replacement) into a <see cref="ResourceChange"/>.</summary>
internal sealed class ChangeBuilder(PreviewStep first, string operation, int maxProperties)
{
    private readonly List<string> _steps = [];
    private readonly Dictionary<string, PropertyChange> _properties = new(StringComparer.Ordinal);
    private readonly List<string> _reasons = [];
    private ReplaceStrategy _strategy = operation == "replace" ? ReplaceStrategy.Unspecified : ReplaceStrategy.None;
    private string? _parent = ParentOf(first);
    private readonly bool _pendingDelete = operation == "pending-delete";
    private int _omitted;

    public ChangeBuilder Merge(PreviewStep step)
    {
        _steps.Add(step.Op);
        _parent ??= ParentOf(step);
        if (_strategy == ReplaceStrategy.Unspecified)
        {
            _strategy = step.Op switch
            {
                StepOperations.CreateReplacement => ReplaceStrategy.CreateBeforeDelete,
                StepOperations.DeleteReplaced => ReplaceStrategy.DeleteBeforeReplace,
                _ => _strategy,
            };
        }

        if (step.Old is not null && step.New is not null)
        {
            Properties(step);
            Reasons(step);
        }

        return this;
    }

    public ResourceChange Build() => new()
    {
        Urn = first.Urn.Value,
        Type = first.Type,
        Name = first.Urn.Name,
        Operation = operation,
        Parent = _parent,
        Strategy = _strategy,
        Properties = [.. _properties.Values.OrderBy(p => p.Path, StringComparer.Ordinal), .. Omitted()],
        ReplaceReasons = operation == "replace" && _reasons.Count == 0
            ? ["the provider requires a new resource but named no property (the resource may be tainted, or its provider changed)"]
            : [.. _reasons],
        Steps = [.. _steps],
        PendingDelete = _pendingDelete,
        Line = first.Line,
    };

    private IEnumerable<PropertyChange> Omitted() =>
        _omitted == 0 ? [] : [new PropertyChange("…", "omitted", $"{_omitted} more", "")];

    private void Properties(PreviewStep step)
    {
        var entries = step.DetailedDiff is { } detailed
            ? detailed.Select(d => (Path: d.Key, d.Value.Kind))
            : step.DiffReasons.Select(reason => (Path: reason, Kind: step.ReplaceReasons.Contains(reason) ? "update-replace" : "update"));
        foreach (var (path, kind) in entries)
        {
            if (_properties.ContainsKey(path))
            {
                continue;
            }

            if (_properties.Count >= maxProperties)
            {
                _omitted++;
                continue;
            }

            var name = PropertyPath.Parse(path).OfType<string>().LastOrDefault() ?? path;
            var old = kind.StartsWith("add", StringComparison.Ordinal) ? default : Before(step.Old!, path);
            var now = kind.StartsWith("delete", StringComparison.Ordinal) ? default : PropertyPath.Resolve(step.New!.Inputs, path);
            _properties[path] = new PropertyChange(path, kind, ValueText.Format(old, name), ValueText.Format(now, name));
        }
    }

    private void Reasons(PreviewStep step)
    {
        foreach (var reason in step.ReplaceReasons)
        {
            var causes = (step.DetailedDiff ?? ImmutableDictionary<string, PropertyDiff>.Empty)
                .Where(d => d.Value.ForcesReplacement && PropertyPath.Root(d.Key) == reason)
                .OrderBy(d => d.Key, StringComparer.Ordinal)
                .ToList();
            var sentences = causes.Count == 0
                ? [$"`{reason}` changed, and the provider cannot change it on the existing resource"]
                : causes.Select(c => Sentence(c.Key, c.Value.Kind, _properties.GetValueOrDefault(c.Key)));
            foreach (var sentence in sentences)
            {
                if (!_reasons.Contains(sentence))
                {
                    _reasons.Add(sentence);
                }
            }
        }
    }

    private static string Sentence(string path, string kind, PropertyChange? change) => kind switch
    {
        "add-replace" => $"`{path}` is set{(change is null ? "" : $" to {change.New}")}, which the provider can only do on a new resource",
        "delete-replace" => $"`{path}` is removed{(change is null ? "" : $" (was {change.Old})")}, which the provider can only do on a new resource",
        _ => $"`{path}` changes{(change is null ? "" : $" from {change.Old} to {change.New}")}, and the provider cannot change it in place",
    };

    private static JsonElement Before(ResourceState old, string path)
    {
        var input = PropertyPath.Resolve(old.Inputs, path);
        return input.ValueKind != JsonValueKind.Undefined ? input : PropertyPath.Resolve(old.Outputs, path);
    }

    private static string? ParentOf(PreviewStep step)
    {
        var parent = step.Current?.Parent;
        if (parent is null || !ResourceUrn.TryParse(parent, out var urn) || urn.Type == "pulumi:pulumi:Stack")
        {
            return null;
        }

        return $"{urn.Type}::{urn.Name}";
    }
}
