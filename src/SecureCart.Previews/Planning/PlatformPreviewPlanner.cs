using System.Collections.Immutable;
using System.Text;
using SecureCart.Platform.Plan.Compute;
using SecureCart.Platform.Plan.Cost;
using SecureCart.Platform.Plan.Previews;

namespace SecureCart.Previews.Planning;

/// <summary>The platform plan's preview planner and price book behind the service's seam.</summary>
public sealed class PlatformPreviewPlanner(PreviewBase baseStack, PriceBook prices) : IPreviewPlanner
{
    public const int MaxImageTagLength = 128;

    public IReadOnlyList<string> Sizes { get; } = [.. Enum.GetValues<PreviewSize>().Select(s => s.ToString().ToLowerInvariant())];

    public PreviewBase Base => baseStack;

    public static PreviewBase BaseFrom(string stackName, string region, string domain, string architecture) =>
        new(stackName, region, domain, Enum.Parse<CpuArchitecture>(architecture, ignoreCase: true));

    public PreviewPlanOutcome Plan(PreviewPlanRequest request) => PlanFull(request) switch
    {
        PreviewPlanResult.Planned planned => new PreviewPlanOutcome.Planned(ToEstimate(planned.Plan)),
        PreviewPlanResult.Rejected rejected => new PreviewPlanOutcome.Rejected([.. rejected.Reasons]),
        _ => throw new InvalidOperationException("unknown plan result"),
    };

    /// <summary>The full plan, for engines that build it (the Pulumi program's preview entry point takes it).</summary>
    public PreviewPlanResult PlanFull(PreviewPlanRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!Enum.TryParse<PreviewSize>(request.Size, ignoreCase: true, out var size))
        {
            return new PreviewPlanResult.Rejected([$"unknown size '{request.Size}': use one of {string.Join(", ", Sizes)}"]);
        }

        return PreviewPlanner.Plan(request.Name, request.Team, size, ImageTagFor(request), baseStack, prices);
    }

    /// <summary>A git ref becomes an image tag the way CI tags its builds: anything outside [A-Za-z0-9._-] turns into '-'.</summary>
    public static string ImageTagFor(PreviewPlanRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!string.IsNullOrEmpty(request.ImageTag))
        {
            return request.ImageTag;
        }

        var source = request.GitRef ?? "";
        if (source.StartsWith("refs/heads/", StringComparison.Ordinal))
        {
            source = source["refs/heads/".Length..];
        }

        var tag = new StringBuilder(source.Length);
        foreach (var c in source)
        {
            tag.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' ? c : '-');
        }

        return tag.Length > MaxImageTagLength ? tag.ToString(0, MaxImageTagLength) : tag.ToString();
    }

    private static PreviewEstimate ToEstimate(PreviewEnvironmentPlan plan)
    {
        var resources = ImmutableArray.CreateBuilder<string>();
        foreach (var service in plan.Services)
        {
            resources.Add($"aws:ecs:Service {service.Name} ({service.Cpu} CPU units, {service.MemoryMb} MiB, {service.CapacityProvider})");
            resources.Add($"aws:lb:TargetGroup {service.TargetGroupName}");
        }

        resources.Add($"aws:lb:ListenerRule host {plan.HostName}");
        resources.Add($"postgresql:Database {plan.DatabaseName} (in the {plan.Base.StackName} instance)");
        resources.AddRange(plan.QueueNames.Select(q => $"aws:sqs:Queue {q}"));
        resources.AddRange(plan.TableNames.Select(t => $"aws:dynamodb:Table {t} (on demand)"));
        return new PreviewEstimate(
            plan.Size.ToString().ToLowerInvariant(), plan.StackName, $"https://{plan.HostName}", plan.Cost.HourlyUsd, plan.Cost.MonthlyUsd, resources.ToImmutable());
    }
}
