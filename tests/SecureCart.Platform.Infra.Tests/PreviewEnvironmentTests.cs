using System.Collections.Immutable;
using Moq;
using Pulumi;
using Pulumi.Testing;
using SecureCart.Platform.Infra.Previews;
using SecureCart.Platform.Plan.Compute;
using SecureCart.Platform.Plan.Cost;
using SecureCart.Platform.Plan.Previews;

namespace SecureCart.Platform.Infra.Tests;

public sealed class PreviewEnvironmentTests
{
    [Fact]
    public async Task Run_Preview_CreatesOnlyItsServicesRulesAndQueuesOnTheBaseStack()
    {
        var plan = ((PreviewPlanResult.Planned)PreviewPlanner.Plan("feat-1", "shop", PreviewSize.Small, "abc123",
            new PreviewBase("preview-base", "us-east-1", "shop.securecart.example", CpuArchitecture.Arm64), PriceBook.Default)).Plan;
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
                    .Add("clusterArn", "cluster-1").Add("taskExecutionRoleArn", "role-1").Add("servicesSecurityGroupId", "sg-1")
                    .Add("privateSubnetIds", ImmutableArray.Create<object>("subnet-a", "subnet-b"));
                state["secretOutputNames"] = ImmutableArray<object>.Empty;
            }

            state.TryAdd("arn", $"arn:{a.Name}");
            state.TryAdd("name", a.Name ?? "");
            return (a.Name + "-id", (object)state.ToImmutable());
        });
        mocks.Setup(m => m.CallAsync(It.IsAny<MockCallArgs>())).ReturnsAsync(ImmutableDictionary<string, object>.Empty.Add("accountId", "123456789012"));

        var (_, outputs) = await Deployment.TestAsync(mocks.Object, new TestOptions { ProjectName = "previews", StackName = plan.StackName }, () => PreviewEnvironment.Run(plan));

        Assert.Equal(plan.Services.Length, created.Count(c => c.Type == "aws:ecs/service:Service"));
        Assert.Equal(plan.Services.Count(s => s.PathPattern is not null), created.Count(c => c.Type == "aws:lb/listenerRule:ListenerRule"));
        Assert.Equal(plan.QueueNames.Order(StringComparer.Ordinal), created.Where(c => c.Type == "aws:sqs/queue:Queue").Select(c => (string)c.Inputs["name"]).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(created, c => c.Type is "aws:ec2/vpc:Vpc" or "aws:ecs/cluster:Cluster" or "aws:lb/loadBalancer:LoadBalancer" or "aws:rds/instance:Instance");
        Assert.All(created.Where(c => c.Type == "aws:ecs/service:Service"), s => Assert.Equal("cluster-1", s.Inputs["cluster"]));
        Assert.Equal($"https://{plan.HostName}", outputs["url"]);
    }
}
