using System.Collections.Immutable;
using Pulumi;
using Pulumi.Aws.CloudWatch;
using Pulumi.Aws.Iam;
using Pulumi.Aws.Lambda;
using Pulumi.Aws.Sfn;
using SecureCart.Platform.Infra.Compute;
using SecureCart.Platform.Plan.Workflow;

namespace SecureCart.Platform.Infra.Workflow;

/// <summary>The fulfilment state machine and its Lambda functions, all with X-Ray tracing.</summary>
public sealed class RegionWorkflow : ComponentResource
{
    public RegionWorkflow(string name, RegionWorkflowArgs args, ComponentResourceOptions? options = null)
        : base("securecart:platform:Workflow", name, options)
    {
        ArgumentNullException.ThrowIfNull(args);
        WorkflowPlan plan = args.Plan;
        InputMap<string> tags = Children.Tags(args.Tags, "workflow");

        var functions = new Dictionary<string, Function>(StringComparer.Ordinal);
        var aliases = new Dictionary<string, Pulumi.Aws.Lambda.Alias>(StringComparer.Ordinal);
        foreach (LambdaPlan f in plan.Functions)
        {
            var logs = new LogGroup($"{f.LogicalName}-logs", new LogGroupArgs { Name = $"/aws/lambda/{f.Name}", RetentionInDays = args.LogRetentionDays, Tags = tags }, Children.Of(this));
            Role role = FunctionRole(f, args, tags);
            var functionArgs = new FunctionArgs
            {
                Name = f.Name,
                Runtime = f.Runtime,
                Handler = f.Handler,
                Architectures = { f.Architecture },
                MemorySize = f.MemoryMb,
                Timeout = f.TimeoutSeconds,
                Role = role.Arn,
                S3Bucket = f.PackageBucket,
                S3Key = f.PackageKey, // names the release: a new release is new code

                TracingConfig = new Pulumi.Aws.Lambda.Inputs.FunctionTracingConfigArgs { Mode = f.TracingMode },
                Publish = f.Publish, // a numbered version per change, which the alias below points at
                Tags = tags,
            };
            if (!f.Environment.IsEmpty)
            {
                var variables = new InputMap<string>();
                foreach ((string variable, Plan.Compute.ServiceAccess grant) in f.Environment)
                {
                    variables.Add(variable, TaskAccess.Arn(grant, args.Access));
                }

                functionArgs.Environment = new Pulumi.Aws.Lambda.Inputs.FunctionEnvironmentArgs { Variables = variables };
            }
            if (f.InVpc)
            {
                // Only a function that reaches PostgreSQL or Redis joins the VPC: the private subnets (NAT egress for
                // the AWS APIs it also calls), the functions group and its own data-client group.
                functionArgs.VpcConfig = new Pulumi.Aws.Lambda.Inputs.FunctionVpcConfigArgs
                {
                    SubnetIds = args.Network.SubnetIds[Plan.Network.SubnetTier.Private],
                    SecurityGroupIds = RegionCompute.SecurityGroups(f.SecurityTiers, args.Network),
                };
            }

            var function = new Function(f.LogicalName, functionArgs, new CustomResourceOptions { Parent = this, DependsOn = { logs } });
            functions[f.LogicalName] = function;

            // The workflow invokes the alias: rolling back is moving it to the previous version, not redeploying the state machine.
            aliases[f.LogicalName] = new Pulumi.Aws.Lambda.Alias($"{f.LogicalName}-{f.AliasName}", new Pulumi.Aws.Lambda.AliasArgs
            {
                Name = f.AliasName,
                FunctionName = function.Name,
                FunctionVersion = function.Version,
                Description = "The version the order workflow invokes.",
            }, Children.Of(this));
        }

        var machineLogs = new LogGroup("order-fulfilment-logs", new LogGroupArgs
        {
            Name = $"/aws/vendedlogs/states/{plan.StateMachineName}",
            RetentionInDays = args.LogRetentionDays,
            Tags = tags,
        }, Children.Of(this));
        var machineRole = new Role("order-fulfilment-role", new RoleArgs { AssumeRolePolicy = Policies.AssumeRole("states.amazonaws.com"), Tags = tags }, Children.Of(this));
        _ = new RolePolicy("order-fulfilment-permissions", new RolePolicyArgs
        {
            Role = machineRole.Name,
            Policy = Policies.Allow(
                (["lambda:InvokeFunction"], [.. aliases.Values.Select(a => (Input<string>)a.Arn)]),
                (["events:PutEvents"], [args.BusArn]),
                (["sqs:SendMessage"], [args.UndeliveredEventsQueueArn]),
                (["xray:PutTraceSegments", "xray:PutTelemetryRecords", "xray:GetSamplingRules", "xray:GetSamplingTargets"], ["*"]),
                // CloudWatch Logs delivery for Step Functions is configured account-wide, hence the wildcard (AWS documents it so).
                (["logs:CreateLogDelivery", "logs:GetLogDelivery", "logs:UpdateLogDelivery", "logs:DeleteLogDelivery", "logs:ListLogDeliveries",
                  "logs:PutResourcePolicy", "logs:DescribeResourcePolicies", "logs:DescribeLogGroups"], ["*"])),
        }, Children.Of(this));

        List<string> names = aliases.Keys.ToList();
        Output<string> definition = Output.Tuple(Output.All(aliases.Values.Select(a => a.Arn)), args.UndeliveredEventsQueueUrl).Apply(t =>
            plan.Definition(names.Zip(t.Item1).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal), args.BusName, t.Item2));
        var machine = new StateMachine(WorkflowPlan.LogicalName, new StateMachineArgs
        {
            Name = plan.StateMachineName,
            Type = plan.ExecutionType,
            RoleArn = machineRole.Arn,
            Definition = definition,
            TracingConfiguration = new Pulumi.Aws.Sfn.Inputs.StateMachineTracingConfigurationArgs { Enabled = plan.Tracing },
            LoggingConfiguration = new Pulumi.Aws.Sfn.Inputs.StateMachineLoggingConfigurationArgs
            {
                Level = plan.LogLevel,
                IncludeExecutionData = false, // executions carry order and payment details
                LogDestination = Output.Format($"{machineLogs.Arn}:*"),
            },
            Tags = tags,
        }, Children.Of(this));

        StateMachineArn = machine.Arn;
        FunctionArns = functions.ToImmutableDictionary(f => f.Key, f => f.Value.Arn, StringComparer.Ordinal);
        RegisterOutputs(new Dictionary<string, object?> { ["stateMachineArn"] = StateMachineArn });
    }

    public Output<string> StateMachineArn { get; }

    // One role per function: logs and traces, plus exactly the grants of its step.
    private Role FunctionRole(LambdaPlan f, RegionWorkflowArgs args, InputMap<string> tags)
    {
        var role = new Role($"{f.LogicalName}-role", new RoleArgs { AssumeRolePolicy = Policies.AssumeRole("lambda.amazonaws.com"), Tags = tags }, Children.Of(this));
        _ = new RolePolicyAttachment($"{f.LogicalName}-logs-policy", new RolePolicyAttachmentArgs
        {
            Role = role.Name,
            PolicyArn = "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole",
        }, Children.Of(this));
        _ = new RolePolicyAttachment($"{f.LogicalName}-tracing", new RolePolicyAttachmentArgs
        {
            Role = role.Name,
            PolicyArn = "arn:aws:iam::aws:policy/AWSXRayDaemonWriteAccess",
        }, Children.Of(this));
        if (f.InVpc)
        {
            // Creating and deleting the function's network interfaces in the private subnets.
            _ = new RolePolicyAttachment($"{f.LogicalName}-vpc-access", new RolePolicyAttachmentArgs
            {
                Role = role.Name,
                PolicyArn = "arn:aws:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole",
            }, Children.Of(this));
        }

        if (f.Access.Any(a => !a.IsNetwork))
        {
            _ = new RolePolicy($"{f.LogicalName}-access", new RolePolicyArgs { Role = role.Name, Policy = TaskAccess.Policy(f.Access, args.Access) }, Children.Of(this));
        }

        return role;
    }

    public ImmutableDictionary<string, Output<string>> FunctionArns { get; }
}
