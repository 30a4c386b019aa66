using System.Collections.Immutable;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SecureCart.Previews.Audit;
using SecureCart.Previews.Auth;
using SecureCart.Previews.Domain;
using SecureCart.Previews.Options;
using SecureCart.Previews.State;
using SecureCart.Previews.State.Entities;

namespace SecureCart.Previews.Environments;

/// <summary>Extend, delete and cancel: each under the team lock, each with its audit row in the same transaction.</summary>
internal sealed class EnvironmentLifecycle(
    IDbContextFactory<PreviewsDbContext> contexts,
    AuditLog audit,
    OperationSignal signal,
    TimeProvider time,
    IOptions<LifetimeOptions> options,
    Live.OperationFeed feed)
{
    public Task<CommandOutcome<EnvironmentRecord>> ExtendAsync(CallerIdentity caller, Guid id, int? hoursToAdd, RequestOrigin origin, CancellationToken cancellationToken) =>
        ExtendAsync(caller, id, hoursToAdd, expectedExpiry: null, origin, cancellationToken);

    /// <summary>
    /// With <paramref name="expectedExpiry"/>: only while the environment still expires then, checked under the team
    /// lock, so a one-click extend link works once however often (or however concurrently) it is followed.
    /// </summary>
    public async Task<CommandOutcome<EnvironmentRecord>> ExtendAsync(
        CallerIdentity caller, Guid id, int? hoursToAdd, DateTimeOffset? expectedExpiry, RequestOrigin origin, CancellationToken cancellationToken)
    {
        const string Action = "environment.extend";
        var maxHours = options.Value.MaxHours;
        if (hoursToAdd is not { } hours || hours < 1 || hours > maxHours)
        {
            var problem = Refusal.Invalid(new Dictionary<string, string[]> { ["hours"] = [$"hours is required: how many hours to add, 1 to {maxHours}."] });
            return await RefuseAsync<EnvironmentRecord>(caller, id, Action, problem, origin, cancellationToken);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await TeamLock.AcquireAsync(db, caller.Team, cancellationToken);
        var environment = await db.Environments.SingleOrDefaultAsync(e => e.Id == id && e.Team == caller.Team, cancellationToken);
        Refusal? refusal = null;
        if (environment is null)
        {
            refusal = Refusal.NotFound("Environment", id);
        }
        else if (!EnvironmentStateMachine.MayExtend(environment.Status))
        {
            refusal = Refusal.Conflict("environment-ending", "The environment is being destroyed", $"Environment {id} is {environment.Status.ToString().ToLowerInvariant()}; create a new one instead.");
        }
        else if (expectedExpiry is { } expected && environment.ExpiresAt != expected)
        {
            refusal = Refusal.Conflict("link-used", "This extend link was already used", $"Environment {id} now expires at {environment.ExpiresAt:O}: it was extended since this link was sent. Extend it again from the API or the console.");
        }
        else
        {
            var latest = environment.CreatedAt.AddHours(maxHours);
            var wanted = environment.ExpiresAt.AddHours(hours);
            if (wanted > latest)
            {
                var room = Math.Max(0, (int)Math.Floor((latest - environment.ExpiresAt).TotalHours));
                refusal = new Refusal(RefusalKind.Unprocessable, "lifetime-exceeded", "Beyond the maximum lifetime",
                    $"An environment lives at most {maxHours} hours from creation (until {latest:O}); it expires at {environment.ExpiresAt:O}, so extend by at most {room} hours.");
            }
            else
            {
                environment.ExpiresAt = wanted;
            }
        }

        if (refusal is not null)
        {
            await transaction.RollbackAsync(cancellationToken);
            return await RefuseAsync<EnvironmentRecord>(caller, id, Action, refusal, origin, cancellationToken);
        }

        await audit.StageAsync(db, new(caller.Actor, caller.Team, Action, id, $"accepted: expires {environment!.ExpiresAt:O}", origin.RequestId, origin.SourceAddress), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new CommandOutcome<EnvironmentRecord>.Accepted(environment);
    }

    public async Task<CommandOutcome<OperationQueued>> DeleteAsync(CallerIdentity caller, Guid id, string action, RequestOrigin origin, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await TeamLock.AcquireAsync(db, caller.Team, cancellationToken);
        var environment = await db.Environments.SingleOrDefaultAsync(e => e.Id == id && e.Team == caller.Team, cancellationToken);
        var refusal = environment switch
        {
            null => Refusal.NotFound("Environment", id),
            { Status: EnvironmentStateMachine.Final } => Refusal.Conflict("already-destroyed", "Already destroyed", $"Environment {id} was destroyed at {environment.DestroyedAt:O}."),
            { ActiveOperationId: { } running } => Refusal.Conflict("operation-running", "Another operation is running",
                $"Operation {running} is still running on environment {id}. Wait for it (GET /v1/operations/{running}/events) or cancel it (POST /v1/operations/{running}/cancel), then delete again."),
            _ when !EnvironmentStateMachine.MayStart(environment.Status, OperationKind.Destroy) => Refusal.Conflict("operation-running", "Another operation is running",
                $"Environment {id} is {environment.Status.ToString().ToLowerInvariant()}; wait until it is ready or failed, then delete again."),
            _ => null,
        };
        if (refusal is not null)
        {
            await transaction.RollbackAsync(cancellationToken);
            return await RefuseAsync<OperationQueued>(caller, id, action, refusal, origin, cancellationToken);
        }

        var now = time.GetUtcNow();
        var operation = OperationFactory.New(id, caller.Team, OperationKind.Destroy, caller.Actor, now);
        environment!.Status = EnvironmentStateMachine.Running(OperationKind.Destroy);
        environment.ActiveOperationId = operation.Id;
        environment.LastOperationId = operation.Id;
        db.Operations.Add(operation);
        db.OperationEvents.Add(OperationFactory.QueuedEvent(operation, now));
        await audit.StageAsync(db, new(caller.Actor, caller.Team, action, id, "accepted", origin.RequestId, origin.SourceAddress), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        signal.Notify();
        return new CommandOutcome<OperationQueued>.Accepted(new(environment, operation));
    }

    public async Task<CommandOutcome<OperationRecord>> CancelAsync(CallerIdentity caller, Guid operationId, RequestOrigin origin, CancellationToken cancellationToken)
    {
        const string Action = "operation.cancel";
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await TeamLock.AcquireAsync(db, caller.Team, cancellationToken);
        var operation = await db.Operations.SingleOrDefaultAsync(o => o.Id == operationId && o.Team == caller.Team, cancellationToken);
        if (operation is null || operation.Status is not (OperationStatus.Queued or OperationStatus.Running))
        {
            await transaction.RollbackAsync(cancellationToken);
            var problem = operation is null
                ? Refusal.NotFound("Operation", operationId)
                : Refusal.Conflict("operation-finished", "The operation has already finished", $"Operation {operationId} ended {operation.Status.ToString().ToLowerInvariant()}; there is nothing to cancel.");
            return await RefuseAsync<OperationRecord>(caller, operation?.EnvironmentId, Action, problem, origin, cancellationToken);
        }

        var now = time.GetUtcNow();
        var queued = await db.Operations
            .Where(o => o.Id == operationId && o.Status == OperationStatus.Queued)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, OperationStatus.Cancelled).SetProperty(o => o.FinishedAt, now).SetProperty(o => o.Error, "cancelled before it started"), cancellationToken);
        if (queued == 1)
        {
            // Cancelled before any worker claimed it: nothing ran, so the environment is settled here.
            await db.Entry(operation).ReloadAsync(cancellationToken);
            var environment = await db.Environments.SingleAsync(e => e.Id == operation.EnvironmentId, cancellationToken);
            EnvironmentTransitions.Finish(environment, operation, OperationStatus.Cancelled, operation.Error, ImmutableDictionary<string, string>.Empty, now);
            var next = await db.OperationEvents.Where(x => x.OperationId == operationId).MaxAsync(x => (int?)x.Sequence, cancellationToken) ?? 0;
            db.OperationEvents.Add(new() { OperationId = operationId, Sequence = next + 1, Type = "finished", Message = "cancelled: cancelled before it started", At = now });
        }
        else
        {
            // Running: the worker sees the flag on its next heartbeat and stops the engine.
            await db.Operations.Where(o => o.Id == operationId).ExecuteUpdateAsync(s => s.SetProperty(o => o.CancelRequested, true), cancellationToken);
            await db.Entry(operation).ReloadAsync(cancellationToken);
        }

        await audit.StageAsync(db, new(caller.Actor, caller.Team, Action, operation.EnvironmentId, queued == 1 ? "cancelled" : "cancel requested", origin.RequestId, origin.SourceAddress), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        feed.Publish(operationId);
        return new CommandOutcome<OperationRecord>.Accepted(operation);
    }

    private async Task<CommandOutcome<T>> RefuseAsync<T>(CallerIdentity caller, Guid? environmentId, string action, Refusal problem, RequestOrigin origin, CancellationToken cancellationToken)
    {
        await audit.AppendStandaloneAsync(new(caller.Actor, caller.Team, action, environmentId, problem.AuditOutcome, origin.RequestId, origin.SourceAddress), cancellationToken);
        return new CommandOutcome<T>.Refused(problem);
    }
}
