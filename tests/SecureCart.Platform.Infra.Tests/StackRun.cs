using System.Collections.Immutable;
using Moq;
using Pulumi;
using Pulumi.Testing;

namespace SecureCart.Platform.Infra.Tests;

/// <summary>
/// Runs <see cref="SecureCartStack"/> for one stack of the repository's project under Pulumi's test harness. The
/// engine is a Moq <see cref="IMocks"/> that echoes inputs as state, answers the lookups the program makes
/// (hosted zone, account, CloudFront managed policies) and plays the home stack for StackReferences.
/// </summary>
internal sealed class StackRun
{
    public const string HomeListenerArn = "arn:aws:globalaccelerator::123456789012:accelerator/home/listener/l1";

    /// <summary>The decrypted secret config the engine hands the program (Pulumi reads it from PULUMI_CONFIG).</summary>
    public const string PaymentsApiKey = "sk_test_engine_value";

    /// <summary>The pager's integration URL the engine hands the program decrypted.</summary>
    public const string PagerEndpoint = "https://events.pager.example/integration/cloudwatch/k3y";

    // The shipped production stacks hold the payments key encrypted; the engine passes it decrypted, as `pulumi up` would.
    static StackRun()
    {
        Environment.SetEnvironmentVariable("PULUMI_CONFIG", $$"""{"securecart:paymentsApiKey":"{{PaymentsApiKey}}","securecart:pagerEndpoint":"{{PagerEndpoint}}"}""");
        Environment.SetEnvironmentVariable("PULUMI_CONFIG_SECRET_KEYS", """["securecart:paymentsApiKey","securecart:pagerEndpoint"]""");
    }

    private StackRun(ImmutableArray<Resource> resources, IReadOnlyList<MockResourceArgs> created)
    {
        Resources = resources;
        Created = created;
    }

    public ImmutableArray<Resource> Resources { get; }

    /// <summary>Every resource registration the engine saw, with its inputs.</summary>
    public IReadOnlyList<MockResourceArgs> Created { get; }

    /// <summary>Per registration, in the order the engine was asked: its sequence number when asked and when answered.</summary>
    public IReadOnlyDictionary<string, (int Asked, int Answered)> Timeline { get; private set; } = new Dictionary<string, (int, int)>();

    /// <param name="slowTypes">Resource types the engine answers late (as AWS does for a VPC link), so ordering shows.</param>
    /// <param name="zones">What the account offers for getAvailabilityZones; by default four zones of the stack's Region.</param>
    public static async Task<StackRun> RunAsync(string stack, string? rootDirectory = null, IReadOnlySet<string>? slowTypes = null, IReadOnlyList<string>? zones = null)
    {
        zones ??= DefaultZones(StackPlan.Load(rootDirectory ?? Repository.Root, stack).Plan.Region);
        var created = new List<MockResourceArgs>();
        var timeline = new Dictionary<string, (int Asked, int Answered)>(StringComparer.Ordinal);
        var clock = 0;
        var mocks = new Mock<IMocks>(MockBehavior.Strict);
        mocks.Setup(m => m.NewResourceAsync(It.IsAny<MockResourceArgs>())).Returns(async (MockResourceArgs args) =>
        {
            int asked;
            lock (created)
            {
                created.Add(args);
                asked = ++clock;
            }

            if (slowTypes?.Contains(args.Type ?? "") == true)
            {
                await Task.Delay(300);
            }

            lock (created)
            {
                timeline[$"{args.Type} {args.Name}"] = (asked, ++clock);
            }

            return NewResource(args);
        });
        mocks.Setup(m => m.CallAsync(It.IsAny<MockCallArgs>())).ReturnsAsync((MockCallArgs args) => (object)Call(args, zones));
        mocks.Setup(m => m.RegisterResourceOutputs(It.IsAny<MockRegisterResourceOutputsRequest>())).Returns(Task.CompletedTask);

        var resources = await Deployment.TestAsync<SecureCartStack>(mocks.Object, new TestOptions
        {
            ProjectName = "securecart",
            StackName = stack,
            RootDirectory = rootDirectory ?? Repository.Root,
            IsPreview = false,
        });
        return new StackRun(resources, created) { Timeline = timeline };
    }

    public IEnumerable<MockResourceArgs> OfType(string type) => Created.Where(c => c.Type == type);

    public MockResourceArgs Single(string type, string name) => Assert.Single(Created, c => c.Type == type && c.Name == name);

    public static async Task<T> ValueAsync<T>(Output<T> output)
    {
        var result = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        _ = output.Apply(v =>
        {
            result.TrySetResult(v);
            return v;
        });
        return await result.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }

    private static (string? id, object state) NewResource(MockResourceArgs args)
    {
        var state = args.Inputs.ToBuilder();
        var name = args.Name ?? "unnamed";
        if (args.Type == "pulumi:pulumi:StackReference")
        {
            state["outputs"] = ImmutableDictionary<string, object>.Empty
                .Add("acceleratorListenerArn", HomeListenerArn)
                .Add("acceleratorDnsName", "a1234.awsglobalaccelerator.com")
                .Add("originVerifyValue", "home0origin0value")
                .Add("tableArns", ImmutableDictionary<string, object>.Empty
                    .Add("carts", "arn:aws:dynamodb:us-east-1:123456789012:table/securecart-carts")
                    .Add("sessions", "arn:aws:dynamodb:us-east-1:123456789012:table/securecart-sessions")
                    .Add("catalog", "arn:aws:dynamodb:us-east-1:123456789012:table/securecart-catalog"));
            state["secretOutputNames"] = ImmutableArray<object>.Empty;
            return (args.Name, state.ToImmutable());
        }

        state.TryAdd("arn", $"arn:aws:mock:::{args.Type}/{name}");
        state.TryAdd("name", name);
        state.TryAdd("arnSuffix", $"app/{name}/0123");
        state.TryAdd("dnsName", $"{name}.mock.internal");
        if (args.Type == "aws:globalaccelerator/listener:Listener")
        {
            state["arn"] = $"arn:aws:globalaccelerator::123456789012:accelerator/acc-home/listener/{name}-id";
        }

        if (args.Type == "aws:sqs/queue:Queue")
        {
            state.TryAdd("url", $"https://sqs.mock/{args.Inputs.GetValueOrDefault("name") ?? name}");
        }
        if (args.Type == "aws:acm/certificate:Certificate")
        {
            var domain = (string)args.Inputs["domainName"];
            var names = args.Inputs.TryGetValue("subjectAlternativeNames", out var sans) ? ((IEnumerable<object>)sans).Cast<string>() : [];
            state["domainValidationOptions"] = names.Prepend(domain).Select(d => (object)ImmutableDictionary<string, object>.Empty
                .Add("domainName", d).Add("resourceRecordName", $"_x.{d}").Add("resourceRecordType", "CNAME").Add("resourceRecordValue", "_y.acm-validations.aws")).ToImmutableArray();
        }

        if (args.Type == "aws:serverlessrepository/cloudFormationStack:CloudFormationStack")
        {
            state["outputs"] = ImmutableDictionary<string, object>.Empty.Add("RotationLambdaARN", "arn:aws:lambda:us-east-1:123456789012:function:rotation");
        }

        if (args.Type == "aws:rds/instance:Instance")
        {
            state.TryAdd("address", $"{args.Inputs.GetValueOrDefault("identifier") ?? name}.mock.rds.amazonaws.com");
            state.TryAdd("resourceId", $"db-{name.ToUpperInvariant()}");
        }

        if (args.Type == "aws:rds/proxy:Proxy")
        {
            state.TryAdd("endpoint", $"{args.Inputs.GetValueOrDefault("name") ?? name}.proxy-mock.rds.amazonaws.com");
            state["arn"] = $"arn:aws:rds:us-east-1:123456789012:db-proxy:prx-{name}";
        }

        if (args.Type == "aws:kms/key:Key")
        {
            state["keyId"] = "1234abcd-12ab-34cd-56ef-1234567890ab";
        }

        if (args.Type == "aws:apigateway/domainName:DomainName")
        {
            state["regionalDomainName"] = "d-abc.execute-api.us-east-1.amazonaws.com";
            state["regionalZoneId"] = "Z1UJRXOUMOOFQ8";
        }

        if (args.Type == "aws:apigatewayv2/domainName:DomainName")
        {
            state["domainNameConfiguration"] = ImmutableDictionary<string, object>.Empty
                .Add("targetDomainName", "d-abc.execute-api.us-east-1.amazonaws.com").Add("hostedZoneId", "Z1UJRXOUMOOFQ8");
        }

        return ($"{name}-id", state.ToImmutable());
    }

    // Deliberately not a, b, c: zone letters are per account, and the program must not guess them.
    public static IReadOnlyList<string> DefaultZones(string region) => [$"{region}d", $"{region}b", $"{region}f", $"{region}a"];

    private static ImmutableDictionary<string, object> Call(MockCallArgs args, IReadOnlyList<string> zones) => args.Token switch
    {
        "aws:index/getAvailabilityZones:getAvailabilityZones" => ImmutableDictionary<string, object>.Empty
            .Add("id", "zones").Add("names", zones.Cast<object>().ToImmutableArray()).Add("zoneIds", zones.Select((_, i) => (object)$"az{i + 1}").ToImmutableArray()),
        "aws:route53/getZone:getZone" => ImmutableDictionary<string, object>.Empty.Add("zoneId", "Z0HOSTED").Add("id", "Z0HOSTED").Add("name", "shop.securecart.example"),
        "aws:secretsmanager/getRandomPassword:getRandomPassword" => ImmutableDictionary<string, object>.Empty.Add("randomPassword", "generated0value").Add("id", "r"),
        "aws:ec2/getManagedPrefixList:getManagedPrefixList" => ImmutableDictionary<string, object>.Empty.Add("id", $"pl-{args.Args.GetValueOrDefault("name")}").Add("name", args.Args.GetValueOrDefault("name") ?? ""),
        "aws:index/getRegion:getRegion" => ImmutableDictionary<string, object>.Empty.Add("region", "us-east-1").Add("name", "us-east-1").Add("id", "us-east-1"),
        "aws:index/getCallerIdentity:getCallerIdentity" => ImmutableDictionary<string, object>.Empty.Add("accountId", "123456789012").Add("arn", "arn").Add("id", "123456789012").Add("userId", "u"),
        _ => ImmutableDictionary<string, object>.Empty.Add("id", $"policy-{args.Args.GetValueOrDefault("name")}"),
    };
}
