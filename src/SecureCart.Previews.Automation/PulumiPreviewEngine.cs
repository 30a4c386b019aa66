using System.Collections.Immutable;
using System.Globalization;
using Microsoft.Extensions.Options;
using Pulumi.Automation;
using Pulumi.Automation.Commands.Exceptions;
using SecureCart.Platform.Infra.Previews;
using SecureCart.Platform.Plan.Previews;
using SecureCart.Previews.Engine;
using SecureCart.Previews.Planning;

namespace SecureCart.Previews.Automation;

/// <summary>
/// The engine on Pulumi.Automation: one stack per environment in the configured backend, an inline program
/// that calls the Pulumi program's preview entry point, engine events and standard output onto the event stream.
/// </summary>
internal sealed partial class PulumiPreviewEngine(
    PlatformPreviewPlanner planner,
    PulumiInstallation installation,
    StackLockRecovery locks,
    IOptions<PulumiEngineOptions> options,
    ILogger<PulumiPreviewEngine> logger) : IPreviewEngine, IStackInventory
{
    public string Name => "pulumi";

    public bool CreatesResources => true;

    public async Task<EngineResult> UpAsync(EngineRequest request, IEngineEventSink events, CancellationToken cancellationToken)
    {
        PreviewEnvironmentPlan plan = PlanFor(request);
        UpResult result = await locks.RunAsync(
            plan.StackName,
            events,
            token => EventForwarder.RunAsync(events, forward => UpOnceAsync(request, plan, forward, token), token),
            token => ClearLockAsync(request, plan, token),
            cancellationToken);
        ImmutableDictionary<string, string> outputs = StackOutputs.ToStored(result.Outputs);
        if (!outputs.ContainsKey("url"))
        {
            outputs = outputs.Add("url", $"https://{plan.HostName}");
        }

        return new EngineResult(outputs, string.IsNullOrEmpty(result.Summary.Message) ? $"up {result.Summary.Result}" : result.Summary.Message);
    }

    /// <summary>Destroys the stack's resources, then removes the stack itself, so nothing is left behind.</summary>
    public async Task<EngineResult> DestroyAsync(EngineRequest request, IEngineEventSink events, CancellationToken cancellationToken)
    {
        PreviewEnvironmentPlan plan = PlanFor(request);
        string summary = await locks.RunAsync(
            plan.StackName,
            events,
            token => EventForwarder.RunAsync(events, async forward =>
            {
                using OperationDirectory directory = NewDirectory(request, "destroy");
                WorkspaceStack stack;
                try
                {
                    stack = await OpenStackAsync(plan, directory, create: false, token);
                }
                catch (StackNotFoundException)
                {
                    // Never created (or already removed by an earlier attempt of this operation): nothing to destroy.
                    return "stack not found; nothing to destroy";
                }

                using (stack)
                {
                    UpdateResult result = await stack.DestroyAsync(new DestroyOptions { OnEvent = forward.OnEvent, OnStandardOutput = forward.OnOutput, OnStandardError = forward.OnOutput }, token);
                    await stack.Workspace.RemoveStackAsync(stack.Name, token);
                    return $"destroy {result.Summary.Result}; stack {stack.Name} removed";
                }
            }, token),
            token => ClearLockAsync(request, plan, token),
            cancellationToken);
        return new EngineResult(ImmutableDictionary<string, string>.Empty, summary);
    }

    public async Task CancelAsync(EngineRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        PreviewEnvironmentPlan plan = PlanFor(request);
        using OperationDirectory directory = NewDirectory(request, "cancel");
        try
        {
            using WorkspaceStack stack = await OpenStackAsync(plan, directory, create: false, cancellationToken);
            await stack.CancelAsync(cancellationToken);
        }
        catch (StackNotFoundException)
        {
            LogNothingToCancel(logger, plan.StackName);
        }
    }

    /// <summary>`pulumi stack ls --json` in the project's backend, from a folder of its own like every operation.</summary>
    public async Task<IReadOnlyList<string>> ListStacksAsync(CancellationToken cancellationToken)
    {
        using OperationDirectory directory = OperationDirectory.Create(options.Value.WorkRoot, options.Value.ResolvedPluginDirectory, "stacks");
        using LocalWorkspace workspace = await LocalWorkspace.CreateAsync(await WorkspaceOptionsAsync(null, directory, cancellationToken), cancellationToken);
        ImmutableList<StackSummary> stacks = await workspace.ListStacksAsync(cancellationToken);

        // Pulumi Cloud may qualify names as organisation/project/stack; environments store the short name.
        return [.. stacks.Select(s => s.Name[(s.Name.LastIndexOf('/') + 1)..]).Order(StringComparer.Ordinal)];
    }

    /// <summary>Destroys an orphan stack's resources and removes it; nothing to plan, since destroy never runs the program.</summary>
    public async Task<string> DestroyStackAsync(string stackName, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(stackName);
        using OperationDirectory directory = OperationDirectory.Create(options.Value.WorkRoot, options.Value.ResolvedPluginDirectory, "orphan");
        WorkspaceStack stack;
        try
        {
            stack = await OpenStackAsync(stackName, planner.Base.Region, directory, create: false, cancellationToken);
        }
        catch (StackNotFoundException)
        {
            return $"stack {stackName} not found; nothing to destroy";
        }

        using (stack)
        {
            UpdateResult result = await stack.DestroyAsync(new DestroyOptions(), cancellationToken);
            await stack.Workspace.RemoveStackAsync(stack.Name, cancellationToken);
            return $"destroy {result.Summary.Result}; stack {stack.Name} removed";
        }
    }

    /// <summary>
    /// One `up`. A new environment takes the first slot of its probe order that the listener accepts: the ALB refuses
    /// a taken priority (PriorityInUse) atomically, so a create that raced another for a slot moves to the next
    /// one. An environment that exported its slot keeps it, so an update never moves its rules.
    /// </summary>
    private async Task<UpResult> UpOnceAsync(EngineRequest request, PreviewEnvironmentPlan plan, EventForwarder forward, CancellationToken cancellationToken)
    {
        PulumiEngineOptions settings = options.Value;
        using OperationDirectory directory = NewDirectory(request, "up");
        using WorkspaceStack stack = await OpenStackAsync(plan, directory, create: true, cancellationToken);
        await RecordDatabaseAsync(stack, request.Database, cancellationToken);
        int? kept = StackOutputs.ListenerSlot(await stack.GetOutputsAsync(cancellationToken));
        IEnumerable<int> slots = kept is { } slot ? [slot] : ListenerPriorities.ProbeOrder(plan.Environment).Take(settings.ListenerSlotProbes);
        var refused = new List<int>();
        CommandException? lastRefusal = null;
        foreach (int candidate in slots)
        {
            ListenerAssignment listeners = ListenerPriorities.Assign(candidate, plan.Services);
            await RecordListenersAsync(stack, listeners, cancellationToken);
            try
            {
                return await stack.UpAsync(
                    new UpOptions { Program = Program(plan, listeners), OnEvent = forward.OnEvent, OnStandardOutput = forward.OnOutput, OnStandardError = forward.OnOutput },
                    cancellationToken);
            }
            catch (CommandException ex) when (ex is not ConcurrentUpdateException && ex.Message.Contains("PriorityInUse", StringComparison.Ordinal))
            {
                refused.Add(candidate);
                lastRefusal = ex;
                LogSlotTaken(logger, plan.StackName, candidate);
                forward.Note(new EngineEvent("listener", string.Create(CultureInfo.InvariantCulture, $"listener slot {candidate} (priorities {string.Join(",", listeners.Priorities.Values)}) is taken on the shared listener")));
            }
        }

        throw new EngineFailedException(kept is null
            ? $"no free listener slot for {plan.Environment}: slots {string.Join(", ", refused)} were all taken on the shared listener; remove stale previews or raise Previews:Pulumi:ListenerSlotProbes"
            : $"the listener priorities of slot {kept}, which this environment held, are taken by another rule on the shared listener; remove that rule or destroy and create the environment again",
            lastRefusal!);
    }

    /// <summary>The slot goes into the stack's configuration too, so `pulumi config` and the update history show it.</summary>
    private Task RecordListenersAsync(WorkspaceStack stack, ListenerAssignment listeners, CancellationToken cancellationToken)
    {
        string project = options.Value.ProjectName;
        return stack.SetAllConfigAsync(
            new Dictionary<string, ConfigValue>(StringComparer.Ordinal)
            {
                [$"{project}:listenerSlot"] = new ConfigValue(listeners.Slot.ToString(CultureInfo.InvariantCulture)),
                [$"{project}:listenerPriorities"] = new ConfigValue(string.Join(",", listeners.Priorities.Values.Select(p => p.ToString(CultureInfo.InvariantCulture)))),
            },
            cancellationToken);
    }

    /// <summary>
    /// The database role's password goes into the stack's configuration as a secret (encrypted by the stack's secrets
    /// provider), where the program reads it; without a database the key is removed, so no stale password remains.
    /// </summary>
    private Task RecordDatabaseAsync(WorkspaceStack stack, EngineDatabase? database, CancellationToken cancellationToken)
    {
        string key = $"{options.Value.ProjectName}:{PreviewEnvironment.DatabasePasswordConfigKey}";
        return database is null
            ? stack.RemoveConfigAsync(key, cancellationToken)
            : stack.SetConfigAsync(key, new ConfigValue(database.Password, isSecret: true), cancellationToken);
    }

    private async Task ClearLockAsync(EngineRequest request, PreviewEnvironmentPlan plan, CancellationToken cancellationToken)
    {
        using OperationDirectory directory = NewDirectory(request, "unlock");
        using WorkspaceStack stack = await OpenStackAsync(plan, directory, create: false, cancellationToken);
        await stack.CancelAsync(cancellationToken);
        LogLockCleared(logger, plan.StackName);
    }

    private static PulumiFn Program(PreviewEnvironmentPlan plan, ListenerAssignment listeners) =>
        PulumiFn.Create(() => PreviewEnvironment.Run(plan, listeners));

    private PreviewEnvironmentPlan PlanFor(EngineRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return planner.PlanFull(request.Plan) switch
        {
            PreviewPlanResult.Planned planned => planned.Plan,
            PreviewPlanResult.Rejected rejected => throw new EngineFailedException("the plan was rejected: " + string.Join("; ", rejected.Reasons)),
            _ => throw new InvalidOperationException("unknown plan result"),
        };
    }

    private OperationDirectory NewDirectory(EngineRequest request, string purpose) =>
        OperationDirectory.Create(options.Value.WorkRoot, options.Value.ResolvedPluginDirectory, $"{request.OperationId:N}-{purpose}");

    /// <summary>
    /// A workspace in the operation's own folder. The stack settings file carries the secrets provider into every
    /// command, not just `stack init`: the folder that init wrote it to is gone, and without it the CLI falls back
    /// to the backend's default (a passphrase on S3) and cannot read the stack.
    /// </summary>
    private Task<WorkspaceStack> OpenStackAsync(PreviewEnvironmentPlan plan, OperationDirectory directory, bool create, CancellationToken cancellationToken) =>
        OpenStackAsync(plan.StackName, plan.Base.Region, directory, create, cancellationToken);

    private async Task<WorkspaceStack> OpenStackAsync(string stackName, string region, OperationDirectory directory, bool create, CancellationToken cancellationToken)
    {
        LocalWorkspace workspace = await LocalWorkspace.CreateAsync(await WorkspaceOptionsAsync(stackName, directory, cancellationToken), cancellationToken);
        WorkspaceStack stack;
        try
        {
            stack = create
                ? await WorkspaceStack.CreateOrSelectAsync(stackName, workspace, cancellationToken)
                : await WorkspaceStack.SelectAsync(stackName, workspace, cancellationToken);
        }
        catch
        {
            workspace.Dispose();
            throw;
        }

        await stack.SetConfigAsync("aws:region", new ConfigValue(region), cancellationToken);
        return stack;
    }

    private async Task<LocalWorkspaceOptions> WorkspaceOptionsAsync(string? stackName, OperationDirectory directory, CancellationToken cancellationToken)
    {
        PulumiEngineOptions settings = options.Value;
        var workspaceOptions = new LocalWorkspaceOptions
        {
            PulumiCommand = await installation.CommandAsync(cancellationToken),
            WorkDir = directory.WorkDir,
            PulumiHome = directory.PulumiHome,
            ProjectSettings = new ProjectSettings(settings.ProjectName, ProjectRuntimeName.Dotnet) { Backend = new ProjectBackend { Url = settings.BackendUrl } },
            EnvironmentVariables = PulumiEnvironment.For(settings),
        };
        if (!string.IsNullOrEmpty(settings.SecretsProvider))
        {
            workspaceOptions.SecretsProvider = settings.SecretsProvider;
            if (stackName is not null)
            {
                workspaceOptions.StackSettings = new Dictionary<string, StackSettings>(StringComparer.Ordinal)
                {
                    [stackName] = new StackSettings { SecretsProvider = settings.SecretsProvider },
                };
            }
        }

        return workspaceOptions;
    }

    [LoggerMessage(EventId = 2400, Level = LogLevel.Information, Message = "Cancel: stack {StackName} does not exist; nothing to cancel")]
    private static partial void LogNothingToCancel(ILogger logger, string stackName);

    [LoggerMessage(EventId = 2405, Level = LogLevel.Information, Message = "Listener slot {Slot} taken for {StackName}; trying the next")]
    private static partial void LogSlotTaken(ILogger logger, string stackName, int slot);

    [LoggerMessage(EventId = 2406, Level = LogLevel.Warning, Message = "Lock on stack {StackName} cleared with pulumi cancel")]
    private static partial void LogLockCleared(ILogger logger, string stackName);
}
