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

    // What the result needs of the first step, not the step itself: a change kept until the report is written
    // must not keep its step's reasons, diff and states alive.
    private readonly string _urn = first.Urn.Value;
    private readonly string _type = first.Type;
    private readonly string _name = first.Urn.Name;
    private readonly long _line = first.Line;
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
        else if (step.Op is StepOperations.Create or StepOperations.Delete or StepOperations.Import or StepOperations.Read
            && (step.New ?? step.Old) is { } state)
        {
            // What defines a resource that appears or goes is its inputs, as `pulumi preview --diff` lists them.
            Whole(state, step.Op == StepOperations.Delete ? "delete" : "add");
        }

        return this;
    }

    private ResourceChange? _built;

    public ResourceChange Build() => _built ?? Create();

    /// <summary>
    /// Builds the change now and lets go of what it was built from: a change that takes no further steps costs
    /// only its result while the rest of the preview is read.
    /// </summary>
    public ChangeBuilder Freeze()
    {
        _built = Create();
        _properties.Clear();
        _properties.TrimExcess();
        _steps.Clear();
        _steps.TrimExcess();
        _reasons.Clear();
        _reasons.TrimExcess();
        return this;
    }

    private ResourceChange Create() => new()
    {
        Urn = _urn,
        Type = _type,
        Name = _name,
        Operation = operation,
        Parent = _parent,
        Strategy = _strategy,
        Properties = SortedProperties(),
        ReplaceReasons = operation != "replace" ? [.. _reasons]
            : _steps.Contains(StepOperations.ReadReplacement) ? ["the program now reads an existing resource (`get`) where it managed this one, which replaces the managed one", .. _reasons]
            : _steps.Contains(StepOperations.ImportReplacement) ? ["the program now imports an existing resource in place of this one", .. _reasons]
            : _reasons.Count == 0 ? ["the provider requires a new resource but named no property (the resource may be tainted, or its provider changed)"]
            : [.. _reasons],
        Steps = [.. _steps],
        PendingDelete = _pendingDelete,
        Line = _line,
    };

    // By path, then the count of those left out: sorted in place (paths are the dictionary's keys, so no two
    // are equal and an unstable sort gives the order a stable one would) into an array of the exact size.
    private ImmutableArray<PropertyChange> SortedProperties()
    {
        var sorted = ImmutableArray.CreateBuilder<PropertyChange>(_properties.Count + (_omitted == 0 ? 0 : 1));
        sorted.AddRange(_properties.Values);
        sorted.Sort(s_byPath);
        if (_omitted != 0)
        {
            sorted.Add(new PropertyChange("…", "omitted", $"{_omitted} more", ""));
        }

        return sorted.MoveToImmutable();
    }

    private static readonly Comparison<PropertyChange> s_byPath = (a, b) => string.CompareOrdinal(a.Path, b.Path);

    private void Whole(ResourceState state, string kind)
    {
        if (state.Inputs.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        foreach (var property in state.Inputs.EnumerateObject())
        {
            if (property.NameEquals("__defaults") || _properties.ContainsKey(property.Name))
            {
                continue;
            }

            if (_properties.Count >= maxProperties)
            {
                _omitted++;
                continue;
            }

            var text = ValueText.Format(property.Value, property.Name);
            _properties[property.Name] = kind == "add"
                ? new PropertyChange(property.Name, kind, ValueText.Absent, text)
                : new PropertyChange(property.Name, kind, text, ValueText.Absent);
        }
    }

    private void Properties(PreviewStep step)
    {
        var entries = step.DetailedDiff is { Count: > 0 } detailed
            ? detailed.Select(d => (Path: d.Key, d.Value.Kind, d.Value.InputDiff))
            : step.DiffReasons.Select(reason => (Path: reason, Kind: step.ReplaceReasons.Contains(reason) ? "update-replace" : "update", InputDiff: true));
        if (step.DetailedDiff is not { Count: > 0 } && step.DiffReasons.IsEmpty && step.Op is StepOperations.Update or StepOperations.Replace)
        {
            // An update with neither a detailed diff nor diff keys (an event log's old-style step) still
            // changes something: compare the top-level inputs, as the engine's own diff does.
            entries = InputDifferences(step.Old!, step.New!).Select(d => (d.Path, d.Kind, InputDiff: true));
        }

        foreach (var (path, kind, inputDiff) in entries)
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

            var name = PropertyPath.LastName(path) ?? path;
            var old = kind.StartsWith("add", StringComparison.Ordinal) ? default : Before(step.Old!, path, inputDiff);
            var now = kind.StartsWith("delete", StringComparison.Ordinal) ? default : PropertyPath.Resolve(step.New!.Inputs, path);
            _properties[path] = new PropertyChange(path, kind, ValueText.Format(old, name), ValueText.Format(now, name));
        }
    }

    private void Reasons(PreviewStep step)
    {
        foreach (var reason in step.ReplaceReasons)
        {
            // The detailed diff enumerates in ordinal order of its paths already.
            var causes = (step.DetailedDiff ?? PropertyDiffDictionary.Empty)
                .Where(d => d.Value.ForcesReplacement && PropertyPath.Root(d.Key) == reason)
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
        "add-replace" => $"`{path}` is set{(change is null ? "" : $" to {ValueText.Brief(change.New)}")}, which the provider can only do on a new resource",
        "delete-replace" => $"`{path}` is removed{(change is null ? "" : $" (was {ValueText.Brief(change.Old)})")}, which the provider can only do on a new resource",
        _ => $"`{path}` changes{(change is null ? "" : $" from {ValueText.Brief(change.Old)} to {ValueText.Brief(change.New)}")}, and the provider cannot change it in place",
    };

    // pkg/display/json.go: `inputDiff` true compares old inputs with new inputs, false the old state (outputs)
    // with the new inputs; take the old value from where Pulumi took it, the other side only when it is absent.
    private static JsonElement Before(ResourceState old, string path, bool inputDiff)
    {
        var (first, second) = inputDiff ? (old.Inputs, old.Outputs) : (old.Outputs, old.Inputs);
        var value = PropertyPath.Resolve(first, path);
        return value.ValueKind != JsonValueKind.Undefined ? value : PropertyPath.Resolve(second, path);
    }

    private static IEnumerable<(string Path, string Kind)> InputDifferences(ResourceState old, ResourceState now)
    {
        var before = old.Inputs.ValueKind == JsonValueKind.Object ? old.Inputs : old.Outputs;
        var after = now.Inputs;
        if (before.ValueKind != JsonValueKind.Object || after.ValueKind != JsonValueKind.Object)
        {
            yield break;
        }

        foreach (var property in after.EnumerateObject())
        {
            if (property.NameEquals("__defaults"))
            {
                continue;
            }

            if (!before.TryGetProperty(property.Name, out var was))
            {
                yield return (property.Name, "add");
            }
            else if (!JsonElement.DeepEquals(was, property.Value))
            {
                yield return (property.Name, "update");
            }
        }

        foreach (var property in before.EnumerateObject())
        {
            if (!property.NameEquals("__defaults") && !after.TryGetProperty(property.Name, out _))
            {
                yield return (property.Name, "delete");
            }
        }
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
