using System.Text.Json;
using SecureCart.Previews.Api;
using SecureCart.Previews.Engine;
using SecureCart.Previews.State.Entities;

namespace SecureCart.Previews.Endpoints;

internal sealed class ViewMapper(TimeProvider time, IPreviewEngine engine)
{
    private const string PlanOnlyNotice = "plan-only engine: the plan and cost are real, nothing was created in the cloud";

    public string EngineName => engine.Name;

    public bool CreatesResources => engine.CreatesResources;

    public EnvironmentView ToView(EnvironmentRecord e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var outputs = JsonSerializer.Deserialize<Dictionary<string, string>>(e.OutputsJson) ?? [];
        return new EnvironmentView(
            e.Id, e.Team, e.Name, e.GitRef, e.ImageTag, e.Size, e.Status.ToString(), e.StatusReason, e.Url, outputs,
            e.CreatedAt, e.ExpiresAt, e.DestroyedAt, e.CostPerHour, e.CostPerMonth, CostSoFar(e),
            e.ActiveOperationId, e.LastOperationId, engine.Name, engine.CreatesResources,
            engine.CreatesResources ? null : PlanOnlyNotice);
    }

    public static OperationView ToView(OperationRecord o)
    {
        ArgumentNullException.ThrowIfNull(o);
        return new OperationView(
            o.Id, o.EnvironmentId, o.Kind.ToString(), o.Status.ToString(), o.CreatedAt, o.StartedAt, o.FinishedAt,
            o.Attempts, o.CancelRequested, o.Error, $"/v1/operations/{o.Id}/events");
    }

    public decimal CostSoFar(EnvironmentRecord e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return CostSoFar(e.CostPerHour, e.CreatedAt, e.DestroyedAt);
    }

    public decimal CostSoFar(decimal costPerHour, DateTimeOffset createdAt, DateTimeOffset? destroyedAt)
    {
        var end = destroyedAt ?? time.GetUtcNow();
        var hours = (decimal)Math.Max(0, (end - createdAt).TotalHours);
        return decimal.Round(costPerHour * hours, 4);
    }
}
