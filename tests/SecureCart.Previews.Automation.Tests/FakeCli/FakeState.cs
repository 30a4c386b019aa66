using System.Text.Json.Nodes;

namespace SecureCart.Previews.Automation.FakeCli;

/// <summary>
/// The fake's backend, plugin downloads and shared listener, in files under one folder: concurrent fake processes
/// (concurrent operations, two "replicas") see one world, serialised by an exclusive lock file.
/// </summary>
internal sealed class FakeState(string root)
{
    public string Root { get; } = Directory.CreateDirectory(root).FullName;

    public async Task<FileStream> LockAsync()
    {
        var path = Path.Combine(Root, "state.lock");
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException)
            {
                await Task.Delay(5);
            }
        }
    }

    /// <summary>A switch the test sets by creating a file of that name (offline, cloud, sticky-lock).</summary>
    public bool Has(string knob) => File.Exists(Path.Combine(Root, knob));

    public string? Read(string name) => File.Exists(Path.Combine(Root, name)) ? File.ReadAllText(Path.Combine(Root, name)) : null;

    public void Append(string name, string line) => File.AppendAllText(Path.Combine(Root, name), line + "\n");

    public JsonObject? Stack(string name) => Json(Path.Combine(Root, "stacks", name + ".json"));

    public void SaveStack(string name, JsonObject stack) => Save(Path.Combine(Root, "stacks", name + ".json"), stack);

    public IEnumerable<string> StackNames() =>
        Directory.Exists(Path.Combine(Root, "stacks"))
            ? Directory.GetFiles(Path.Combine(Root, "stacks"), "*.json").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal)!
            : [];

    public void DeleteStack(string name) => File.Delete(Path.Combine(Root, "stacks", name + ".json"));

    public string LockDirectory(string stack) => Directory.CreateDirectory(Path.Combine(Root, "locks", stack)).FullName;

    /// <summary>The shared listener's rules: priority to the stack that owns it.</summary>
    public JsonObject Listener() => Json(Path.Combine(Root, "listener.json")) ?? [];

    public void SaveListener(JsonObject listener) => Save(Path.Combine(Root, "listener.json"), listener);

    public static JsonObject? Json(string path) => File.Exists(path) ? JsonNode.Parse(File.ReadAllText(path))!.AsObject() : null;

    public static void Save(string path, JsonObject value)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, value.ToJsonString());
    }
}
