using System.Globalization;
using System.Text.Json.Nodes;

namespace SecureCart.Previews.Automation.FakeCli;

/// <summary>
/// Answers the commands the Automation API runs, in the shapes it parses (pulumi-dotnet sdk/Pulumi.Automation:
/// LocalWorkspace, WorkspaceStack, Events/EventLogWatcher) and with the CLI's own error texts where the API or
/// the engine matches on them (Commands/Exceptions/CommandException.cs; pulumi/pulumi pkg/backend/diy/lock.go).
/// </summary>
internal sealed class FakeCommands(FakeState state, string[] args, string workDir)
{
    private const int Failed = 255;

    private string Stack => Option("--stack") ?? Positional(2) ?? "";

    private string StackFile => Path.Combine(workDir, $"Pulumi.{Stack}.yaml");

    private string ConfigFile => Path.Combine(workDir, $"fake-config-{Stack}.json");

    public async Task<int> RunAsync()
    {
        await using (await state.LockAsync())
        {
            Record();
        }

        var verb = string.Join(' ', args.Where(a => !a.StartsWith('-')).Take(2));
        return args.FirstOrDefault() switch
        {
            "version" => Out("v3.150.0"),
            "whoami" => Out("fake-user"),
            "plugin" when args.ElementAtOrDefault(1) == "install" => await LockedAsync(() => InstallPlugin(args[3], args[4])),
            "stack" => args.ElementAtOrDefault(1) switch
            {
                "init" => await LockedAsync(StackInit),
                "select" => await LockedAsync(() => Existing(out _) ?? 0),
                "rm" => await LockedAsync(StackRemove),
                "ls" => await LockedAsync(StackList),
                "output" => await LockedAsync(StackOutput),
                "history" => await LockedAsync(StackHistory),
                _ => Fail($"fake pulumi: unknown command '{verb}'", 1),
            },
            "config" => await LockedAsync(ConfigSet),
            "up" => await UpAsync(),
            "preview" => await LockedAsync(Preview),
            "destroy" => await LockedAsync(Destroy),
            "cancel" => await LockedAsync(Cancel),
            _ => Fail($"fake pulumi: unknown command '{verb}'", 1),
        };
    }

    private void Record()
    {
        var home = Environment.GetEnvironmentVariable("PULUMI_HOME");
        var call = new JsonObject
        {
            ["args"] = new JsonArray([.. args.Select(a => (JsonNode?)JsonValue.Create(a))]),
            ["stack"] = Stack,
            ["home"] = home,
            ["skipUpdateCheck"] = Environment.GetEnvironmentVariable("PULUMI_SKIP_UPDATE_CHECK"),
            ["passphrase"] = Environment.GetEnvironmentVariable("PULUMI_CONFIG_PASSPHRASE") is not null,
            ["stackFile"] = File.Exists(StackFile) ? File.ReadAllText(StackFile) : null,
            ["pluginsShared"] = home is not null && new DirectoryInfo(Path.Combine(home, "plugins")).LinkTarget is not null,
        };
        state.Append("calls.jsonl", call.ToJsonString());
    }

    private async Task<int> LockedAsync(Func<int> command)
    {
        await using (await state.LockAsync())
        {
            return command();
        }
    }

    private int StackInit()
    {
        if (state.Stack(Stack) is not null)
        {
            return Fail($"error: stack '{Stack}' already exists");
        }

        var provider = Option("--secrets-provider") ?? "passphrase";
        state.SaveStack(Stack, new JsonObject { ["secretsProvider"] = provider, ["outputs"] = new JsonObject(), ["history"] = new JsonArray() });
        if (provider != "passphrase")
        {
            // Like the CLI: init writes the stack's settings file (provider and data key) into the work folder.
            File.WriteAllText(StackFile, $"secretsprovider: {provider}\nencryptedkey: ZmFrZS1kYXRhLWtleQ==\n");
        }

        return Out($"Created stack '{Stack}'");
    }

    private int StackRemove()
    {
        if (Existing(out _) is { } missing)
        {
            return missing;
        }

        state.DeleteStack(Stack);
        return Out($"Stack '{Stack}' has been removed!");
    }

    /// <summary>
    /// `stack ls --json`: the project's stacks as the CLI prints them (pulumi/pulumi pkg/cmd/pulumi/stack/stack_ls.go,
    /// stackSummaryJSON: name, current, lastUpdate, updateInProgress, resourceCount, url). With the "cloud" knob the
    /// names are organisation/project qualified, as the Pulumi Cloud backend may print them.
    /// </summary>
    private int StackList()
    {
        if (!args.Contains("--json"))
        {
            return Fail("fake pulumi: only `stack ls --json` is answered", 1);
        }

        var list = new JsonArray();
        foreach (var name in state.StackNames())
        {
            var resources = state.Stack(name)!["outputs"]!.AsObject().Count;
            list.Add(new JsonObject
            {
                ["name"] = state.Has("cloud") ? $"fake-org/securecart-previews/{name}" : name,
                ["current"] = false,
                ["updateInProgress"] = Directory.Exists(state.LockDirectory(name)) && Directory.GetFiles(state.LockDirectory(name)).Length > 0,
                ["resourceCount"] = resources,
            });
        }

        return Out(list.ToJsonString());
    }

    private int StackOutput()
    {
        if ((Existing(out var stack) ?? Secrets(stack!)) is { } failed)
        {
            return failed;
        }

        var secret = (state.Read("secret-outputs") ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var outputs = stack!["outputs"]!.AsObject().DeepClone().AsObject();
        if (!args.Contains("--show-secrets"))
        {
            foreach (var name in secret.Where(outputs.ContainsKey))
            {
                outputs[name] = "[secret]";
            }
        }

        return Out(outputs.ToJsonString());
    }

    private int StackHistory()
    {
        if ((Existing(out var stack) ?? Secrets(stack!)) is { } failed)
        {
            return failed;
        }

        var history = stack!["history"]!.AsArray();
        return Out(history.Count == 0 ? "[]" : new JsonArray(history[^1]!.DeepClone()).ToJsonString());
    }

    private int ConfigSet()
    {
        if (Existing(out _) is { } missing)
        {
            return missing;
        }

        var config = FakeState.Json(ConfigFile) ?? [];
        if (args[1] == "set")
        {
            config[args[2]] = args[^1];
        }
        else if (args[1] == "rm")
        {
            config.Remove(args[2]);
        }
        else
        {
            foreach (var pair in args.Where(a => a.Contains('=', StringComparison.Ordinal) && !a.StartsWith('-')))
            {
                config[pair[..pair.IndexOf('=', StringComparison.Ordinal)]] = pair[(pair.IndexOf('=', StringComparison.Ordinal) + 1)..];
            }
        }

        FakeState.Save(ConfigFile, config);
        return 0;
    }

    private async Task<int> UpAsync()
    {
        int? racedPriority = null;
        await using (await state.LockAsync())
        {
            if (Updatable(out var stack) is { } failed)
            {
                return failed;
            }

            var priorities = ConfigValue("listenerPriorities")?.Split(',').Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToList();
            if (priorities is not null)
            {
                return Claim(priorities) ?? Complete(stack!, "update");
            }

            // No priority: the provider reads the listener and takes the highest priority + 1, then creates the rule.
            var listener = state.Listener();
            racedPriority = listener.Count == 0 ? 1 : listener.Select(p => int.Parse(p.Key, CultureInfo.InvariantCulture)).Max() + 1;
        }

        await Task.Delay(200);
        await using (await state.LockAsync())
        {
            return Claim([racedPriority.Value]) ?? Complete(state.Stack(Stack)!, "update");
        }
    }

    private int Preview()
    {
        if ((Existing(out var stack) ?? Secrets(stack!) ?? Plugins()) is { } failed)
        {
            return failed;
        }

        WriteEvents("same", 1);
        return Out("Previewing update");
    }

    private int Destroy()
    {
        if (Updatable(out var stack) is { } failed)
        {
            return failed;
        }

        var listener = state.Listener();
        foreach (var owned in listener.Where(p => (string?)p.Value == Stack).Select(p => p.Key).ToList())
        {
            listener.Remove(owned);
        }

        state.SaveListener(listener);
        stack!["outputs"] = new JsonObject();
        return Complete(stack, "destroy");
    }

    private int Cancel()
    {
        if (Existing(out _) is { } missing)
        {
            return missing;
        }

        if (!state.Has("sticky-lock"))
        {
            foreach (var lockFile in Directory.GetFiles(state.LockDirectory(Stack)))
            {
                File.Delete(lockFile);
            }
        }

        return Out($"The currently running update for '{Stack}' has been canceled!");
    }

    /// <summary>What `up` and `destroy` check before they start: the stack, its secrets, the plugins, the lock.</summary>
    private int? Updatable(out JsonObject? stack)
    {
        if ((Existing(out stack) ?? Secrets(stack!) ?? Plugins()) is { } failed)
        {
            return failed;
        }

        var locks = Directory.GetFiles(state.LockDirectory(Stack));
        if (locks.Length == 0)
        {
            return null;
        }

        if (state.Has("cloud"))
        {
            return Fail("error: [409] Conflict: Another update is currently in progress.");
        }

        var holder = JsonNode.Parse(File.ReadAllText(locks[0]))!;
        return Fail($"error: the stack is currently locked by {locks.Length} lock(s). Either wait for the other process(es) to end or delete the lock file with `pulumi cancel`.\n" +
            $"  file://{state.Root}/.pulumi/locks/organization/securecart-previews/{Stack}/{Path.GetFileName(locks[0])}: created by {holder["username"]}@{holder["hostname"]} (pid {holder["pid"]}) at {holder["timestamp"]}");
    }

    private int? Existing(out JsonObject? stack)
    {
        stack = state.Stack(Stack);
        return stack is null ? Fail($"error: no stack named '{Stack}' found") : null;
    }

    /// <summary>
    /// The CLI reads the secrets provider from the work folder's stack settings file; with none there it falls back
    /// to the DIY backend's default, a passphrase, and a stack made with awskms:// cannot be opened.
    /// </summary>
    private int? Secrets(JsonObject stack)
    {
        var provider = (string?)stack["secretsProvider"];
        if (provider is null || provider == "passphrase")
        {
            return null;
        }

        var settings = File.Exists(StackFile) ? File.ReadAllText(StackFile) : "";
        return settings.Contains($"secretsprovider: {provider}", StringComparison.Ordinal)
            ? null
            : Fail("error: getting secrets manager: passphrase must be set with PULUMI_CONFIG_PASSPHRASE or PULUMI_CONFIG_PASSPHRASE_FILE environment variables");
    }

    private int? Plugins()
    {
        foreach (var line in (state.Read("required-plugins") ?? "aws 7.48.0").Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = line.Split(' ');
            if (InstallPlugin(parts[0], parts[1]) is var code and not 0)
            {
                return code;
            }
        }

        return null;
    }

    /// <summary>$PULUMI_HOME/plugins/resource-&lt;name&gt;-v&lt;version&gt;, downloaded when missing (and recorded).</summary>
    private int InstallPlugin(string name, string version)
    {
        var home = Environment.GetEnvironmentVariable("PULUMI_HOME") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".pulumi");
        var directory = Path.Combine(home, "plugins", $"resource-{name}-v{version.TrimStart('v')}");
        if (Directory.Exists(directory))
        {
            return 0;
        }

        if (state.Has("offline"))
        {
            return Fail($"error: could not install plugin [resource {name}-v{version}]: Get \"https://api.github.com/repos/pulumi/pulumi-{name}/releases/tags/v{version}\": dial tcp: lookup api.github.com: no such host");
        }

        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, $"pulumi-resource-{name}"), "fake provider");
        state.Append("downloads.log", $"{name} {version} {home}");
        return 0;
    }

    /// <summary>The listener refuses a priority another stack's rule holds, as the ELBv2 API does.</summary>
    private int? Claim(IReadOnlyList<int> priorities)
    {
        var listener = state.Listener();
        foreach (var priority in priorities)
        {
            var key = priority.ToString(CultureInfo.InvariantCulture);
            if (listener[key] is { } owner && (string?)owner != Stack)
            {
                return Fail($"error: 1 error occurred:\n\t* creating ELBv2 Listener Rule: operation error Elastic Load Balancing v2: CreateRule, https response error StatusCode: 400, RequestID: fake, PriorityInUse: Priority '{key}' is currently in use");
            }
        }

        foreach (var priority in priorities)
        {
            listener[priority.ToString(CultureInfo.InvariantCulture)] = Stack;
        }

        state.SaveListener(listener);
        return null;
    }

    private int Complete(JsonObject stack, string kind)
    {
        if (kind == "update")
        {
            var outputs = FakeState.Json(Path.Combine(state.Root, "outputs.json")) ?? [];
            outputs["url"] ??= $"https://{Stack}.example";
            if (ConfigValue("listenerSlot") is { } slot)
            {
                // What the program exports: the engine reads it back on the next update.
                outputs["listenerSlot"] = int.Parse(slot, CultureInfo.InvariantCulture);
            }

            stack["outputs"] = outputs;
        }

        var history = stack["history"]!.AsArray();
        var now = TimeProvider.System.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
        history.Add(new JsonObject
        {
            ["version"] = history.Count + 1,
            ["kind"] = kind,
            ["startTime"] = now,
            ["endTime"] = now,
            ["message"] = "",
            ["result"] = "succeeded",
            ["resourceChanges"] = new JsonObject { [kind == "destroy" ? "delete" : "create"] = 3 },
        });
        state.SaveStack(Stack, stack);
        WriteEvents(kind == "destroy" ? "delete" : "create", 3);
        return Out($"{kind} complete");
    }

    private void WriteEvents(string change, int count)
    {
        if (Option("--event-log") is not { } path)
        {
            return;
        }

        var at = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds();
        File.AppendAllLines(path,
        [
            new JsonObject { ["sequence"] = 0, ["timestamp"] = at, ["preludeEvent"] = new JsonObject { ["config"] = new JsonObject() } }.ToJsonString(),
            new JsonObject { ["sequence"] = 1, ["timestamp"] = at, ["summaryEvent"] = new JsonObject { ["maybeCorrupt"] = false, ["durationSeconds"] = 1, ["resourceChanges"] = new JsonObject { [change] = count }, ["PolicyPacks"] = new JsonObject() } }.ToJsonString(),
            new JsonObject { ["sequence"] = 2, ["timestamp"] = at, ["cancelEvent"] = new JsonObject() }.ToJsonString(),
        ]);
    }

    private string? ConfigValue(string key) =>
        FakeState.Json(ConfigFile)?.FirstOrDefault(p => p.Key.EndsWith(":" + key, StringComparison.Ordinal)).Value?.ToString();

    private string? Option(string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }

    private string? Positional(int index)
    {
        var words = args.TakeWhile(a => a != "--").Where(a => !a.StartsWith('-')).ToList();
        return args.ElementAtOrDefault(0) == "stack" && args.ElementAtOrDefault(1) is "init" or "rm" ? words.ElementAtOrDefault(index) : null;
    }

    private static int Out(string text)
    {
        Console.Out.WriteLine(text);
        return 0;
    }

    private static int Fail(string text, int code = Failed)
    {
        Console.Error.WriteLine(text);
        return code;
    }
}
