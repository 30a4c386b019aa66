using System.Text;
using Pulumi;
using Pulumi.Aws.Ecs;
using Pulumi.Aws.Iam;
using SecureCart.Platform.Plan.Compute;
using Ec2 = Pulumi.Aws.Ec2;

namespace SecureCart.Platform.Infra.Compute;

/// <summary>The EC2 capacity behind the worker capacity provider: launch template, mixed-instances group, managed scaling.</summary>
internal static class WorkerCapacity
{
    public static CapacityProvider Create(WorkerCapacityPlan plan, string clusterName, Output<System.Collections.Immutable.ImmutableArray<string>> subnets, Output<string> securityGroup, InputMap<string> tags, Resource parent)
    {
        var role = new Role("workers-instance-role", new RoleArgs { AssumeRolePolicy = Policies.AssumeRole("ec2.amazonaws.com"), Tags = tags }, Children.Of(parent));
        _ = new RolePolicyAttachment("workers-instance-ecs", new RolePolicyAttachmentArgs
        {
            Role = role.Name,
            PolicyArn = "arn:aws:iam::aws:policy/service-role/AmazonEC2ContainerServiceforEC2Role",
        }, Children.Of(parent));
        _ = new RolePolicyAttachment("workers-instance-ssm", new RolePolicyAttachmentArgs
        {
            Role = role.Name,
            PolicyArn = "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore", // shell access without SSH keys or open ports
        }, Children.Of(parent));
        var profile = new InstanceProfile("workers-instance-profile", new InstanceProfileArgs { Role = role.Name, Tags = tags }, Children.Of(parent));

        var launchTemplate = new Ec2.LaunchTemplate("workers-lt", new Ec2.LaunchTemplateArgs
        {
            Name = plan.LaunchTemplateName,
            // EC2 resolves the SSM parameter at launch, so new instances always get the current ECS-optimised AMI.
            ImageId = $"resolve:ssm:{plan.AmiParameter}",
            IamInstanceProfile = new Ec2.Inputs.LaunchTemplateIamInstanceProfileArgs { Arn = profile.Arn },
            VpcSecurityGroupIds = { securityGroup },
            UserData = Convert.ToBase64String(Encoding.UTF8.GetBytes($"#!/bin/bash\necho ECS_CLUSTER={clusterName} >> /etc/ecs/ecs.config\n")),
            MetadataOptions = new Ec2.Inputs.LaunchTemplateMetadataOptionsArgs { HttpTokens = "required", HttpEndpoint = "enabled", HttpPutResponseHopLimit = 2 },
            TagSpecifications = { new Ec2.Inputs.LaunchTemplateTagSpecificationArgs { ResourceType = "instance", Tags = tags } },
            Tags = tags,
        }, Children.Of(parent));

        var group = new Pulumi.Aws.AutoScaling.Group("workers-asg", new Pulumi.Aws.AutoScaling.GroupArgs
        {
            Name = plan.AutoScalingGroupName,
            MinSize = plan.MinSize,
            MaxSize = plan.MaxSize,
            VpcZoneIdentifiers = subnets,
            ProtectFromScaleIn = true, // managed termination protection: ECS drains an instance before the group removes it
            CapacityRebalance = true,
            MixedInstancesPolicy = new Pulumi.Aws.AutoScaling.Inputs.GroupMixedInstancesPolicyArgs
            {
                InstancesDistribution = new Pulumi.Aws.AutoScaling.Inputs.GroupMixedInstancesPolicyInstancesDistributionArgs
                {
                    OnDemandBaseCapacity = plan.OnDemandBaseCapacity,
                    OnDemandPercentageAboveBaseCapacity = plan.OnDemandPercentAboveBase,
                    SpotAllocationStrategy = plan.SpotAllocationStrategy,
                },
                LaunchTemplate = new Pulumi.Aws.AutoScaling.Inputs.GroupMixedInstancesPolicyLaunchTemplateArgs
                {
                    LaunchTemplateSpecification = new Pulumi.Aws.AutoScaling.Inputs.GroupMixedInstancesPolicyLaunchTemplateLaunchTemplateSpecificationArgs
                    {
                        LaunchTemplateId = launchTemplate.Id,
                        Version = "$Latest",
                    },
                    Overrides = plan.InstanceTypes.Select(t => new Pulumi.Aws.AutoScaling.Inputs.GroupMixedInstancesPolicyLaunchTemplateOverrideArgs { InstanceType = t }).ToList(),
                },
            },
            Tags = { new Pulumi.Aws.AutoScaling.Inputs.GroupTagArgs { Key = "AmazonECSManaged", Value = "true", PropagateAtLaunch = true } },
        }, new CustomResourceOptions { Parent = parent, IgnoreChanges = { "desiredCapacity" } }); // managed scaling owns it

        return new CapacityProvider("workers-cp", new CapacityProviderArgs
        {
            Name = plan.CapacityProviderName,
            AutoScalingGroupProvider = new Pulumi.Aws.Ecs.Inputs.CapacityProviderAutoScalingGroupProviderArgs
            {
                AutoScalingGroupArn = group.Arn,
                ManagedTerminationProtection = "ENABLED",
                ManagedScaling = new Pulumi.Aws.Ecs.Inputs.CapacityProviderAutoScalingGroupProviderManagedScalingArgs
                {
                    Status = "ENABLED",
                    TargetCapacity = plan.ManagedScalingTargetCapacity,
                },
            },
            Tags = tags,
        }, Children.Of(parent));
    }
}
