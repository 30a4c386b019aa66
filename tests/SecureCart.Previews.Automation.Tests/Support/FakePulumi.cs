using System.Reflection;
using System.Text.Json.Nodes;

namespace SecureCart.Previews.Automation.Tests.Support;

/// <summary>
/// The fake `pulumi` (FakeCli/) first on this process's PATH, and one test's view of its world: the calls it
/// received, the plugins it downloaded, the stacks, locks and listener rules it keeps.
/// </summary>
internal sealed class FakePulumi : IDisposable
{
    private static readonly Lock s_pathGate = new();
    private static string? s_binDirectory;

    public FakePulumi()
    {
        EnsureOnPath();
        Root = Directory.CreateTempSubdirectory("fake-pulumi-").FullName;
        State = Directory.CreateDirectory(Path.Combine(Root, "state")).FullName;
        WorkRoot = Directory.CreateDirectory(Path.Combine(Root, "work")).FullName;
    }

    public string Root { get; }

    public string State { get; }

    public string WorkRoot { get; }

    /// <summary>Turns a behaviour of the fake on: "offline", "cloud" (409 conflicts), "sticky-lock" (cancel clears nothing).</summary>
    public void Set(string knob) => File.WriteAllText(Path.Combine(State, knob), "");

    public void Write(string name, string content) => File.WriteAllText(Path.Combine(State, name), content);

    public IReadOnlyList<JsonObject> Calls() =>
        File.Exists(Path.Combine(State, "calls.jsonl"))
            ? [.. File.ReadAllLines(Path.Combine(State, "calls.jsonl")).Select(l => JsonNode.Parse(l)!.AsObject())]
            : [];

    public IReadOnlyList<JsonObject> Calls(string command) => [.. Calls().Where(c => Command(c) == command)];

    public IReadOnlyList<string> Downloads() =>
        File.Exists(Path.Combine(State, "downloads.log")) ? File.ReadAllLines(Path.Combine(State, "downloads.log")) : [];

    /// <summary>Priority to owning stack on the shared listener.</summary>
    public IReadOnlyDictionary<int, string> ListenerRules() =>
        File.Exists(Path.Combine(State, "listener.json"))
            ? JsonNode.Parse(File.ReadAllText(Path.Combine(State, "listener.json")))!.AsObject().ToDictionary(p => int.Parse(p.Key), p => (string)p.Value!)
            : new Dictionary<int, string>();

    /// <summary>A lock file the way the DIY backend writes one, left by a worker that died mid-update.</summary>
    public void LeaveLock(string stack, string host = "dead-worker", int pid = 4242)
    {
        var directory = Directory.CreateDirectory(Path.Combine(State, "locks", stack));
        File.WriteAllText(Path.Combine(directory.FullName, $"{Guid.NewGuid()}.json"),
            new JsonObject { ["pid"] = pid, ["username"] = "worker", ["hostname"] = host, ["timestamp"] = "2026-01-01T00:00:00Z" }.ToJsonString());
    }

    public bool Locked(string stack) => Directory.Exists(Path.Combine(State, "locks", stack)) && Directory.GetFiles(Path.Combine(State, "locks", stack)).Length > 0;

    /// <summary>"stack init", "up", "plugin install"…: the words before the first flag.</summary>
    public static string Command(JsonObject call)
    {
        var args = call["args"]!.AsArray().Select(a => (string)a!).ToList();
        return args[0] is "stack" or "plugin" or "config" ? $"{args[0]} {args[1]}" : args[0];
    }

    public void Dispose()
    {
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }

    private static void EnsureOnPath()
    {
        lock (s_pathGate)
        {
            if (s_binDirectory is not null)
            {
                return;
            }

            var build = typeof(FakePulumi).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "FakePulumiDirectory").Value!;
            var dll = Path.Combine(build, "pulumi.dll");
            Assert.True(File.Exists(dll), $"the fake CLI is not built at {dll}");
            var bin = Directory.CreateTempSubdirectory("fake-pulumi-bin-").FullName;
            var script = Path.Combine(bin, "pulumi");
            var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
            File.WriteAllText(script, $"#!/bin/sh\nexec \"{dotnet}\" \"{dll}\" \"$@\"\n");
            // Linux and macOS only, like the engine's PULUMI_HOME plugin link.
            if (OperatingSystem.IsWindows())
            {
                Assert.Skip("the fake CLI is a POSIX shell script");
                return;
            }

            File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            // The Automation API starts "pulumi" by name, resolved on this process's PATH.
            Environment.SetEnvironmentVariable("PATH", bin + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH"));
            s_binDirectory = bin;
        }
    }
}
