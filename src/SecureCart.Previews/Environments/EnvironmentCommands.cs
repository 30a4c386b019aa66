using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SecureCart.Previews.Audit;
using SecureCart.Previews.Auth;
using SecureCart.Previews.Domain;
using SecureCart.Previews.Options;
using SecureCart.Previews.Planning;
using SecureCart.Previews.State;
using SecureCart.Previews.State.Entities;

namespace SecureCart.Previews.Environments;

/// <summary>
/// Creating an environment: validation, plan and cost outside any transaction, then quotas, name and idempotency
/// checked and the rows written in one transaction (on PostgreSQL shared with the replica's concurrent creates: <see cref="CreateQueue"/>).
/// </summary>
internal sealed class EnvironmentCommands(
    IDbContextFactory<PreviewsDbContext> contexts,
    IPreviewPlanner planner,
    AuditLog audit,
    CreateQueue creates,
    StateDialect dialect,
    OperationSignal signal,
    ForegroundRequests foreground,
    TimeProvider time,
    IOptions<LifetimeOptions> lifetimes,
    IOptions<QuotaOptions> quotaOptions)
{
    public const int MaxIdempotencyKeyLength = 200;
    private const string Action = "environment.create";

    public async Task<CommandOutcome<OperationQueued>> CreateAsync(
        CallerIdentity caller, CreateEnvironment request, string? idempotencyKey, RequestOrigin origin, CancellationToken cancellationToken)
    {
        // The deploy worker holds back its next claim while this runs (see ForegroundRequests).
        using var inFlight = foreground.Enter();
        var lifetime = lifetimes.Value;
        var errors = CreateEnvironmentValidator.Validate(request, planner.Sizes, lifetime.MaxHours);
        if (idempotencyKey is { Length: 0 or > MaxIdempotencyKeyLength })
        {
            errors["Idempotency-Key"] = [$"the Idempotency-Key header must be 1 to {MaxIdempotencyKeyLength} characters."];
        }
        else if (TextInput.CheckVisible("Idempotency-Key", idempotencyKey) is { } invisible)
        {
            errors["Idempotency-Key"] = [invisible];
        }

        if (errors.Count > 0)
        {
            return await RefuseAsync(caller, null, Refusal.Invalid(errors), origin, cancellationToken);
        }

        if (CreateEnvironmentValidator.CheckTeam(request, caller) is { } teamProblem)
        {
            return await RefuseAsync(caller, null, teamProblem, origin, cancellationToken);
        }

        var environmentId = Guid.CreateVersion7();
        var planRequest = new PreviewPlanRequest(environmentId, caller.Team, request.Name!, request.Size!, request.GitRef, request.ImageTag);
        var planned = planner.Plan(planRequest);
        if (planned is PreviewPlanOutcome.Rejected rejected)
        {
            var problem = new Refusal(RefusalKind.Unprocessable, "plan-rejected", "The platform plan rejected this environment", string.Join(" ", rejected.Reasons));
            return await RefuseAsync(caller, null, problem, origin, cancellationToken);
        }

        var estimate = ((PreviewPlanOutcome.Planned)planned).Estimate;
        var requestHash = Hash(caller.Team, request, lifetime.DefaultHours);
        var rows = NewRows(caller, request, idempotencyKey, requestHash, environmentId, estimate, lifetime.DefaultHours, origin);
        Refusal? Rules(TeamFacts facts) => CheckTeamRules(facts, caller.Team, request.Name!, estimate);
        var attempt = dialect.IsPostgres
            ? await creates.SubmitAsync(new PendingCreate(rows, Rules), cancellationToken)
            : await CommitWithEntitiesAsync(rows, Rules, cancellationToken);
        switch (attempt)
        {
            case CreateAttempt.Committed:
                signal.Notify();
                return new CommandOutcome<OperationQueued>.Accepted(new(rows.Environment, rows.Operation));
            case CreateAttempt.Earlier earlier when string.Equals(earlier.RequestHash, requestHash, StringComparison.Ordinal):
                return await ReplayAsync(earlier.EnvironmentId, earlier.OperationId, cancellationToken);
            case CreateAttempt.Earlier earlier:
                return await RefuseAsync(caller, earlier.EnvironmentId, new Refusal(
                    RefusalKind.Unprocessable, "idempotency-key-reused", "Idempotency-Key already used for a different request",
                    $"The key {TextInput.Quote(idempotencyKey!)} was first sent with a different body. Use a new key for a new request."), origin, cancellationToken);
            case CreateAttempt.Refused refused:
                return await RefuseAsync(caller, null, refused.Refusal, origin, cancellationToken);
            default:
                throw new InvalidOperationException("unknown create attempt");
        }
    }

    private CreateRows NewRows(
        CallerIdentity caller, CreateEnvironment request, string? idempotencyKey, string requestHash, Guid environmentId, PreviewEstimate estimate, int defaultHours, RequestOrigin origin)
    {
        var now = time.GetUtcNow();
        var operation = OperationFactory.New(environmentId, caller.Team, OperationKind.Up, caller.Actor, now);
        var environment = new EnvironmentRecord
        {
            Id = environmentId,
            Team = caller.Team,
            Name = request.Name!,
            GitRef = request.GitRef,
            ImageTag = request.ImageTag,
            Size = estimate.Size,
            StackName = estimate.StackName,
            Status = EnvironmentStateMachine.Running(OperationKind.Up),
            CreatedBy = caller.Actor,
            CreatedAt = now,
            ExpiresAt = now.AddHours(request.TtlHours ?? defaultHours),
            CostPerHour = estimate.CostPerHour,
            CostPerMonth = estimate.CostPerMonth,
            ActiveOperationId = operation.Id,
            LastOperationId = operation.Id,
        };
        var idempotency = idempotencyKey is null ? null : new IdempotencyRecord
        {
            Team = caller.Team,
            Key = idempotencyKey,
            RequestHash = requestHash,
            EnvironmentId = environmentId,
            OperationId = operation.Id,
            CreatedAt = now,
        };
        return new(environment, operation, OperationFactory.QueuedEvent(operation, now), idempotency, Entry(caller, environmentId, "accepted", origin));
    }

    /// <summary>SQLite (one writer at a time): the team lock, the facts, then the rows and the audit row in one SaveChanges.</summary>
    private async Task<CreateAttempt> CommitWithEntitiesAsync(CreateRows rows, Func<TeamFacts, Refusal?> rules, CancellationToken cancellationToken)
    {
        var environment = rows.Environment;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await TeamLock.AcquireAsync(db, environment.Team, cancellationToken);
        var facts = await ReadTeamFactsAsync(db, environment.Team, environment.Name, rows.Idempotency?.Key, cancellationToken);
        CreateAttempt? early = facts.EarlierRequestHash is { } earlierHash
            ? new CreateAttempt.Earlier(earlierHash, facts.EarlierEnvironmentId!.Value, facts.EarlierOperationId!.Value)
            : rules(facts) is { } refusal ? new CreateAttempt.Refused(refusal) : null;
        if (early is not null)
        {
            await transaction.RollbackAsync(cancellationToken);
            return early;
        }

        db.Environments.Add(environment);
        db.Operations.Add(rows.Operation);
        db.OperationEvents.Add(rows.Queued);
        if (rows.Idempotency is not null)
        {
            db.IdempotencyKeys.Add(rows.Idempotency);
        }

        // The audit row joins the same batch: one round trip writes the environment, its operation and the audit row.
        await audit.StageAsync(db, rows.Audit, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new CreateAttempt.Committed();
    }

    /// <summary>
    /// Everything the rules need, in one query read after the team lock (so it sees every committed create):
    /// live count and monthly cost, a name clash, and an earlier request with the same Idempotency-Key.
    /// </summary>
    private static Task<TeamFacts> ReadTeamFactsAsync(PreviewsDbContext db, string team, string name, string? idempotencyKey, CancellationToken cancellationToken) =>
        db.Teams.AsNoTracking()
            .Where(t => t.Name == team)
            .Select(t => new TeamFacts
            {
                Live = db.Environments.Count(e => e.Team == team && e.Status != EnvironmentStateMachine.Final),
                CommittedPerMonth = db.Environments.Where(e => e.Team == team && e.Status != EnvironmentStateMachine.Final).Sum(e => e.CostPerMonth),
                Clash = db.Environments.Where(e => e.Team == team && e.Status != EnvironmentStateMachine.Final && e.Name == name).Select(e => (Guid?)e.Id).FirstOrDefault(),
                EarlierRequestHash = db.IdempotencyKeys.Where(k => k.Team == team && k.Key == idempotencyKey).Select(k => k.RequestHash).FirstOrDefault(),
                EarlierEnvironmentId = db.IdempotencyKeys.Where(k => k.Team == team && k.Key == idempotencyKey).Select(k => (Guid?)k.EnvironmentId).FirstOrDefault(),
                EarlierOperationId = db.IdempotencyKeys.Where(k => k.Team == team && k.Key == idempotencyKey).Select(k => (Guid?)k.OperationId).FirstOrDefault(),
            })
            .SingleAsync(cancellationToken);

    private Refusal? CheckTeamRules(TeamFacts facts, string team, string name, PreviewEstimate estimate)
    {
        if (facts.Clash is { } clash)
        {
            return Refusal.Conflict("name-taken", "An environment with this name exists", $"Team '{team}' already has a live environment '{name}' ({clash}). Delete it or choose another name.");
        }

        var quotas = quotaOptions.Value;
        quotas.Teams.TryGetValue(team, out var overrides);
        var maxCount = overrides?.MaxEnvironments ?? quotas.MaxEnvironments;
        var maxCost = overrides?.MaxMonthlyCost ?? quotas.MaxMonthlyCost;
        if (facts.Live >= maxCount)
        {
            return new Refusal(RefusalKind.Forbidden, "quota-environments", "Environment quota reached",
                $"Team '{team}' has {facts.Live} live environments, its quota is {maxCount}. Delete one (DELETE /v1/environments/{{id}}) or ask for a higher quota.");
        }

        var committed = facts.CommittedPerMonth;
        if (committed + estimate.CostPerMonth > maxCost)
        {
            return new Refusal(RefusalKind.Forbidden, "quota-budget", "Monthly budget would be exceeded",
                $"Team '{team}' has {committed:0.00} USD/month estimated in live environments; size '{estimate.Size}' adds {estimate.CostPerMonth:0.00} and the budget is {maxCost:0.00}. Pick a smaller size or delete an environment.");
        }

        return null;
    }

    private async Task<CommandOutcome<OperationQueued>> ReplayAsync(Guid environmentId, Guid operationId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var earlier = await db.Environments.AsNoTracking()
            .Where(e => e.Id == environmentId)
            .Join(db.Operations.AsNoTracking().Where(o => o.Id == operationId), e => e.Id, o => o.EnvironmentId, (e, o) => new { Environment = e, Operation = o })
            .SingleAsync(cancellationToken);
        return new CommandOutcome<OperationQueued>.Accepted(new(earlier.Environment, earlier.Operation), Replayed: true);
    }

    private async Task<CommandOutcome<OperationQueued>> RefuseAsync(
        CallerIdentity caller, Guid? environmentId, Refusal problem, RequestOrigin origin, CancellationToken cancellationToken)
    {
        await audit.AppendStandaloneAsync(Entry(caller, environmentId, problem.AuditOutcome, origin), cancellationToken);
        return new CommandOutcome<OperationQueued>.Refused(problem);
    }

    private static AuditEntry Entry(CallerIdentity caller, Guid? environmentId, string outcome, RequestOrigin origin) =>
        new(caller.Actor, caller.Team, Action, environmentId, outcome, origin.RequestId, origin.SourceAddress);

    private static string Hash(string team, CreateEnvironment request, int defaultHours)
    {
        var canonical = JsonSerializer.Serialize(new[] { team, request.Name, request.GitRef, request.ImageTag, request.Size, (request.TtlHours ?? defaultHours).ToString(System.Globalization.CultureInfo.InvariantCulture) });
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }
}
