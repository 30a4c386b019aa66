using System.Collections.Immutable;
using System.Threading.Channels;
using Microsoft.Extensions.Options;
using Pulumi.Automation;
using Pulumi.Automation.Commands.Exceptions;
using SecureCart.Platform.Infra.Previews;
using SecureCart.Platform.Plan.Previews;
using SecureCart.Previews.Engine;
using SecureCart.Previews.Planning;
using AutomationEngineEvent = Pulumi.Automation.Events.EngineEvent;
using PreviewEngineEvent = SecureCart.Previews.Engine.EngineEvent;

namespace SecureCart.Previews.Automation;

/// <summary>
/// The engine on Pulumi.Automation: one stack per environment in the configured backend, an inline program
/// that calls the Pulumi program's preview entry point, engine events and standard output onto the event stream.
/// </summary>
internal sealed partial class PulumiPreviewEngine(PlatformPreviewPlanner planner, IOptions<PulumiEngineOptions> options, ILogger<PulumiPreviewEngine> logger)
    : IPreviewEngine
{
    private const int MaxEventsPerWrite = 100;

    public string Name => "pulumi";

    public bool CreatesResources => true;

    public async Task<EngineResult> UpAsync(EngineRequest request, IEngineEventSink events, CancellationToken cancellationToken)
    {
        PreviewEnvironmentPlan plan = PlanFor(request);
        using OperationDirectory directory = OperationDirectory.Create(options.Value.WorkRoot, request.OperationId, "up");
        UpResult result = await ForwardingAsync(events, async (onEvent, onOutput) =>
        {
            WorkspaceStack stack = await OpenStackAsync(plan, directory, cancellationToken);
            return await stack.UpAsync(new UpOptions { OnEvent = onEvent, OnStandardOutput = onOutput, OnStandardError = onOutput }, cancellationToken);
        }, cancellationToken);
        ImmutableDictionary<string, string> outputs = result.Outputs
            .Where(o => !o.Value.IsSecret && o.Value.Value is not null)
            .ToImmutableDictionary(o => o.Key, o => o.Value.Value.ToString() ?? "");
        if (!outputs.ContainsKey("url"))
        {
            outputs = outputs.Add("url", $"https://{plan.HostName}");
        }

        return new EngineResult(outputs, string.IsNullOrEmpty(result.Summary.Message) ? $"up {result.Summary.Result}" : result.Summary.Message);
    }

    public async Task<EngineResult> PreviewAsync(EngineRequest request, IEngineEventSink events, CancellationToken cancellationToken)
    {
        PreviewEnvironmentPlan plan = PlanFor(request);
        using OperationDirectory directory = OperationDirectory.Create(options.Value.WorkRoot, request.OperationId, "preview");
        PreviewResult result = await ForwardingAsync(events, async (onEvent, onOutput) =>
        {
            WorkspaceStack stack = await OpenStackAsync(plan, directory, cancellationToken);
            return await stack.PreviewAsync(new PreviewOptions { OnEvent = onEvent, OnStandardOutput = onOutput, OnStandardError = onOutput }, cancellationToken);
        }, cancellationToken);
        var changes = string.Join(", ", result.ChangeSummary.Select(c => $"{c.Key.ToString().ToLowerInvariant()} {c.Value}"));
        return new EngineResult(ImmutableDictionary<string, string>.Empty, $"preview: {changes}");
    }

    /// <summary>Destroys the stack's resources, then removes the stack itself, so nothing is left behind.</summary>
    public async Task<EngineResult> DestroyAsync(EngineRequest request, IEngineEventSink events, CancellationToken cancellationToken)
    {
        PreviewEnvironmentPlan plan = PlanFor(request);
        using OperationDirectory directory = OperationDirectory.Create(options.Value.WorkRoot, request.OperationId, "destroy");
        string summary = await ForwardingAsync(events, async (onEvent, onOutput) =>
        {
            WorkspaceStack stack;
            try
            {
                stack = await LocalWorkspace.SelectStackAsync(Args(plan, directory), cancellationToken);
            }
            catch (StackNotFoundException)
            {
                // Never created (or already removed by an earlier attempt of this operation): nothing to destroy.
                return "stack not found; nothing to destroy";
            }

            UpdateResult result = await stack.DestroyAsync(new DestroyOptions { OnEvent = onEvent, OnStandardOutput = onOutput, OnStandardError = onOutput }, cancellationToken);
            await stack.Workspace.RemoveStackAsync(stack.Name, cancellationToken);
            return $"destroy {result.Summary.Result}; stack {stack.Name} removed";
        }, cancellationToken);
        return new EngineResult(ImmutableDictionary<string, string>.Empty, summary);
    }

    public async Task CancelAsync(EngineRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        PreviewEnvironmentPlan plan = PlanFor(request);
        using OperationDirectory directory = OperationDirectory.Create(options.Value.WorkRoot, request.OperationId, "cancel");
        try
        {
            WorkspaceStack stack = await LocalWorkspace.SelectStackAsync(Args(plan, directory), cancellationToken);
            await stack.CancelAsync(cancellationToken);
        }
        catch (StackNotFoundException)
        {
            LogNothingToCancel(logger, plan.StackName);
        }
    }

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

    private async Task<WorkspaceStack> OpenStackAsync(PreviewEnvironmentPlan plan, OperationDirectory directory, CancellationToken cancellationToken)
    {
        WorkspaceStack stack;
        try
        {
            stack = await LocalWorkspace.CreateStackAsync(Args(plan, directory), cancellationToken);
        }
        catch (StackAlreadyExistsException)
        {
            // A retry (or a resumed operation after a lost lease) finds the stack its first attempt created.
            stack = await LocalWorkspace.SelectStackAsync(Args(plan, directory), cancellationToken);
        }

        await stack.SetConfigAsync("aws:region", new ConfigValue(plan.Base.Region), cancellationToken);
        return stack;
    }

    private InlineProgramArgs Args(PreviewEnvironmentPlan plan, OperationDirectory directory)
    {
        PulumiEngineOptions settings = options.Value;
        var project = new ProjectSettings(settings.ProjectName, ProjectRuntimeName.Dotnet) { Backend = new ProjectBackend { Url = settings.BackendUrl } };
        var args = new InlineProgramArgs(settings.ProjectName, plan.StackName, PulumiFn.Create(() => PreviewEnvironment.Run(plan)))
        {
            WorkDir = directory.WorkDir,
            PulumiHome = directory.PulumiHome,
            ProjectSettings = project,
            EnvironmentVariables = settings.EnvironmentVariables.ToDictionary(v => v.Key, v => (string?)v.Value, StringComparer.Ordinal),
        };
        if (!string.IsNullOrEmpty(settings.SecretsProvider))
        {
            args.SecretsProvider = settings.SecretsProvider;
        }

        return args;
    }

    /// <summary>
    /// The Automation API calls back synchronously on its own threads; a channel hands the events to the durable
    /// (async, fenced) sink in order. A ConcurrentUpdateException means another update holds the stack's lock.
    /// </summary>
    private static async Task<T> ForwardingAsync<T>(
        IEngineEventSink sink, Func<Action<AutomationEngineEvent>, Action<string>, Task<T>> run, CancellationToken cancellationToken)
    {
        var channel = Channel.CreateUnbounded<PreviewEngineEvent>(new UnboundedChannelOptions { SingleReader = true });
        var pump = Task.Run(async () =>
        {
            // Whatever arrived while the last write ran goes into the next one, so a chatty deploy costs few statements.
            while (await channel.Reader.WaitToReadAsync(cancellationToken))
            {
                var batch = new List<PreviewEngineEvent>();
                while (batch.Count < MaxEventsPerWrite && channel.Reader.TryRead(out PreviewEngineEvent? item))
                {
                    batch.Add(item);
                }

                await sink.WriteManyAsync(batch, cancellationToken);
            }
        }, cancellationToken);
        try
        {
            return await run(
                e =>
                {
                    if (Map(e) is { } mapped)
                    {
                        channel.Writer.TryWrite(mapped);
                    }
                },
                line => channel.Writer.TryWrite(new PreviewEngineEvent("stdout", line)));
        }
        catch (ConcurrentUpdateException ex)
        {
            throw new EngineFailedException("another update is running on this stack; wait for it to finish or cancel it, then retry", ex);
        }
        finally
        {
            channel.Writer.TryComplete();
            await pump;
        }
    }

    private static PreviewEngineEvent? Map(AutomationEngineEvent e)
    {
        if (e.ResourcePreEvent is { } pre)
        {
            return new PreviewEngineEvent("resource", $"{pre.Metadata.Op.ToString().ToLowerInvariant()} {pre.Metadata.Type} {pre.Metadata.Urn}");
        }

        if (e.DiagnosticEvent is { } diagnostic)
        {
            return new PreviewEngineEvent("diagnostic", $"{diagnostic.Severity}: {diagnostic.Message}".TrimEnd());
        }

        if (e.SummaryEvent is { } summary)
        {
            return new PreviewEngineEvent("summary", string.Join(", ", summary.ResourceChanges.Select(c => $"{c.Key.ToString().ToLowerInvariant()} {c.Value}")) + $" in {summary.DurationSeconds}s");
        }

        return null;
    }

    [LoggerMessage(EventId = 2400, Level = LogLevel.Information, Message = "Cancel: stack {StackName} does not exist; nothing to cancel")]
    private static partial void LogNothingToCancel(ILogger logger, string stackName);
}
