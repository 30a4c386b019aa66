using System.Globalization;
using Pulumi;
using Pulumi.Aws.Ecs;

namespace SecureCart.Platform.Infra.Compute;

/// <summary>The ECS task definition every service gets, in a regional stack and in a preview alike.</summary>
internal static class TaskDefinitions
{
    /// <param name="compatibility">FARGATE, or EC2 for services on the worker capacity.</param>
    /// <param name="runtimeArchitecture">ECS's spelling (ServicePlan.RuntimeArchitecture): ARM64 or X86_64.</param>
    public static TaskDefinition Create(
        string id, string family, int cpu, int memoryMb, string runtimeArchitecture, string compatibility,
        Input<string> executionRoleArn, Input<string>? taskRoleArn, Output<string> containers, InputMap<string> tags, Resource parent) =>
        new($"{id}-task", new TaskDefinitionArgs
        {
            Family = family,
            Cpu = cpu.ToString(CultureInfo.InvariantCulture),
            Memory = memoryMb.ToString(CultureInfo.InvariantCulture),
            NetworkMode = "awsvpc",
            RequiresCompatibilities = { compatibility },
            RuntimePlatform = new Pulumi.Aws.Ecs.Inputs.TaskDefinitionRuntimePlatformArgs { CpuArchitecture = runtimeArchitecture, OperatingSystemFamily = "LINUX" },
            ExecutionRoleArn = executionRoleArn,
            TaskRoleArn = taskRoleArn,
            ContainerDefinitions = containers,
            Tags = tags,
        }, Children.Of(parent));
}
