using System.Collections.Immutable;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SecureCart.Previews.Audit;
using SecureCart.Previews.Domain;
using SecureCart.Previews.Engine;
using SecureCart.Previews.Jobs;
using SecureCart.Previews.Logging;
using SecureCart.Previews.Options;
using SecureCart.Previews.State;

namespace SecureCart.Previews.Orphans;

/// <summary>
/// Compares the engine's backend with the environments table. Stacks are listed first and environments read second:
/// an environment's row is written before its stack exists, so a stack seen in the list always has its row by then,
/// and a create racing the sweep is never mistaken for an orphan.
/// </summary>
internal sealed class OrphanSweep(
    IDbContextFactory<PreviewsDbContext> contexts,
    IPreviewEngine engine,
    JobLease lease,
    AuditLog audit,
    TimeProvider time,
    IOptions<OrphanOptions> options,
    IOptions<PreviewBaseOptions> previewBase,
    IOptions<WorkerOptions> worker,
    ILogger<OrphanSweep> logger)
{
    public const string LeaseName = "orphan-sweep";
    public const string Action = "stack.destroy-orphan";

    public string Holder { get; } = (worker.Value.WorkerId ?? $"{Environment.MachineName}-{Environment.ProcessId}").ToLowerInvariant() + "/orphans";

    /// <summary>Finds and reports; changes nothing.</summary>
    public async Task<OrphanReport> FindAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (engine is not IStackInventory inventory)
        {
            return new OrphanReport(now, engine.Name, CanList: false, options.Value.DestroyStacks, [], []);
        }

        var stacks = (await inventory.ListStacksAsync(cancellationToken))
            .Where(s => !string.Equals(s, previewBase.Value.StackName, StringComparison.Ordinal))
            .ToHashSet(StringComparer.Ordinal);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var live = await db.Environments.AsNoTracking()
            .Where(e => e.Status != EnvironmentStatus.Destroyed)
            .Select(e => new { e.Id, e.Team, e.Name, e.StackName, e.Status, e.ActiveOperationId })
            .ToListAsync(cancellationToken);
        var owned = live.Select(e => e.StackName).ToHashSet(StringComparer.Ordinal);
        var orphans = stacks.Where(s => !owned.Contains(s)).Order(StringComparer.Ordinal).Select(s => new OrphanStackFinding(s, "reported")).ToImmutableArray();

        // Only settled, ready environments: one being created has no stack yet, and a failed one may never have had one.
        var stackless = live
            .Where(e => e.Status == EnvironmentStatus.Ready && e.ActiveOperationId is null && e.StackName.Length > 0 && !stacks.Contains(e.StackName))
            .OrderBy(e => e.Team, StringComparer.Ordinal).ThenBy(e => e.Name, StringComparer.Ordinal)
            .Select(e => new StacklessEnvironment(e.Id, e.Team, e.Name, e.StackName, e.Status.ToString()))
            .ToImmutableArray();
        return new OrphanReport(now, engine.Name, CanList: true, options.Value.DestroyStacks, orphans, stackless);
    }

    /// <summary>
    /// One sweep under the lease: find, log each finding, and destroy orphan stacks when configured to. Null when
    /// another replica holds the lease (it is sweeping).
    /// </summary>
    public async Task<OrphanReport?> SweepAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var leaseFor = TimeSpan.FromSeconds(settings.LeaseSeconds);
        if (!await lease.TryAcquireAsync(LeaseName, Holder, leaseFor, cancellationToken))
        {
            return null;
        }

        var report = await FindAsync(cancellationToken);
        foreach (var environment in report.StacklessEnvironments)
        {
            Log.StacklessEnvironment(logger, environment.Id, environment.Team, environment.Name, environment.StackName);
        }

        var outcomes = ImmutableArray.CreateBuilder<OrphanStackFinding>(report.OrphanStacks.Length);
        foreach (var orphan in report.OrphanStacks)
        {
            Log.OrphanStack(logger, orphan.Name, settings.DestroyStacks);
            if (!settings.DestroyStacks || engine is not IStackInventory inventory)
            {
                outcomes.Add(orphan);
                continue;
            }

            // Renewed before each destroy: a replica that lost the lease stops here instead of racing the new holder.
            if (!await lease.TryAcquireAsync(LeaseName, Holder, leaseFor, cancellationToken))
            {
                outcomes.Add(orphan with { Outcome = "skipped: the sweep lease passed to another replica" });
                continue;
            }

            outcomes.Add(orphan with { Outcome = await DestroyAsync(inventory, orphan.Name, cancellationToken) });
        }

        await lease.ReleaseAsync(LeaseName, Holder, cancellationToken);
        return report with { OrphanStacks = outcomes.MoveToImmutable() };
    }

    private async Task<string> DestroyAsync(IStackInventory inventory, string stackName, CancellationToken cancellationToken)
    {
        // Checked again just before acting: an environment created since the listing under a reused name owns it now.
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            if (await db.Environments.AnyAsync(e => e.StackName == stackName && e.Status != EnvironmentStatus.Destroyed, cancellationToken))
            {
                return "kept: an environment owns it now";
            }
        }

        string outcome;
        try
        {
            outcome = "destroyed: " + await inventory.DestroyStackAsync(stackName, cancellationToken);
            Log.OrphanStackDestroyed(logger, stackName);
        }
#pragma warning disable CA1031 // One stack that fails to destroy is reported; the sweep goes on with the next.
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            Log.OrphanStackDestroyFailed(logger, ex, stackName);
            outcome = "destroy failed: " + ex.Message;
        }

        await audit.AppendStandaloneAsync(new AuditEntry("orphan-sweep", "platform", Action, null, $"{stackName}: {outcome}", Holder, "system"), cancellationToken);
        return outcome;
    }
}
