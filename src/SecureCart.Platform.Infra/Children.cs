using System.Collections.Immutable;
using Pulumi;

namespace SecureCart.Platform.Infra;

/// <summary>Options and tags every child resource of a component gets.</summary>
internal static class Children
{
    public static CustomResourceOptions Of(Resource parent) => new CustomResourceOptions { Parent = parent };

    /// <summary>Stateful resources: <c>protect</c> and <c>retainOnDelete</c> when the plan says so (production).</summary>
    public static CustomResourceOptions Stateful(Resource parent, bool protect) =>
        new CustomResourceOptions { Parent = parent, Protect = protect, RetainOnDelete = protect };

    /// <summary>An optional input: null stays unset instead of becoming an input holding null.</summary>
    public static Input<T>? Maybe<T>(T? value)
        where T : class => value is null ? null : (Input<T>)value;

    public static Input<T>? Maybe<T>(Output<T>? value) => value is null ? null : (Input<T>)value;

    public static InputMap<string> Tags(ImmutableSortedDictionary<string, string> tags, string component)
    {
        var map = new InputMap<string>();
        foreach ((string? key, string? value) in tags.SetItem("securecart:component", component))
        {
            map.Add(key, value);
        }

        return map;
    }
}
