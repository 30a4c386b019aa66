using System.Collections.Immutable;
using Moq;
using Pulumi;
using Pulumi.Testing;
using SecureCart.Platform.Infra.Previews;
using SecureCart.Platform.Plan.Compute;
using SecureCart.Platform.Plan.Cost;
using SecureCart.Platform.Plan.Previews;

namespace SecureCart.Platform.Infra.Tests;

/// <summary>
/// Runs <see cref="PreviewEnvironment"/> for a small planned preview under Pulumi's test harness; the engine echoes
/// inputs as state and plays the base stack for its StackReference.
/// </summary>
internal static class PreviewEnvironmentRun
{
    public static PreviewEnvironmentPlan Planned() => ((PreviewPlanResult.Planned)PreviewPlanner.Plan("feat-1", "shop", PreviewSize.Small, "abc123",
        new PreviewBase("preview-base", "us-east-1", "shop.securecart.example", CpuArchitecture.Arm64), PriceBook.Default)).Plan;

    public static async Task<(List<MockResourceArgs> Created, IDictionary<string, object?> Outputs)> RunAsync(PreviewEnvironmentPlan plan, ListenerAssignment? listeners = null, string? databasePassword = null)
    {
        listeners ??= ListenerPriorities.Assign(0, plan.Services);
        var created = new List<MockResourceArgs>();
        var mocks = new Mock<IMocks>();
        mocks.Setup(m => m.NewResourceAsync(It.IsAny<MockResourceArgs>())).ReturnsAsync((MockResourceArgs a) =>
        {
            lock (created)
            {
                created.Add(a);
            }

            var state = a.Inputs.ToBuilder();
            if (a.Type == "pulumi:pulumi:StackReference")
            {
                state["outputs"] = ImmutableDictionary<string, object>.Empty.Add("vpcId", "vpc-1").Add("albHttpsListenerArn", "listener-1")
                    .Add("clusterArn", "cluster-1").Add("taskExecutionRoleArn", "role-1").Add("servicesSecurityGroupId", "sg-1").Add("postgresEndpoint", "base-db.internal")
                    .Add("privateSubnetIds", ImmutableArray.Create<object>("subnet-a", "subnet-b"));
                state["secretOutputNames"] = ImmutableArray<object>.Empty;
            }

            state.TryAdd("arn", $"arn:{a.Name}");
            state.TryAdd("name", a.Name ?? "");
            return (a.Name + "-id", (object)state.ToImmutable());
        });
        mocks.Setup(m => m.CallAsync(It.IsAny<MockCallArgs>())).ReturnsAsync(ImmutableDictionary<string, object>.Empty.Add("accountId", "123456789012"));

        var (_, outputs) = await Deployment.TestAsync(mocks.Object, new TestOptions { ProjectName = "previews", StackName = plan.StackName }, () => PreviewEnvironment.Run(plan, listeners, databasePassword is null ? null : new PreviewDatabaseCredentials(Output.CreateSecret(databasePassword))));
        return (created, outputs);
    }
}
