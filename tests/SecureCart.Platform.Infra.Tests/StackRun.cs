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

    private StackRun(ImmutableArray<Resource> resources, IReadOnlyList<MockResourceArgs> created)
    {
        Resources = resources;
        Created = created;
    }

    public ImmutableArray<Resource> Resources { get; }

    /// <summary>Every resource registration the engine saw, with its inputs.</summary>
    public IReadOnlyList<MockResourceArgs> Created { get; }

    /// <param name="zones">What the account offers for getAvailabilityZones; by default four zones of the stack's Region.</param>
    public static async Task<StackRun> RunAsync(string stack, string? rootDirectory = null, IReadOnlyList<string>? zones = null)
    {
        zones ??= DefaultZones(StackPlan.Load(rootDirectory ?? Repository.Root, stack).Plan.Region);
        var created = new List<MockResourceArgs>();
        var mocks = new Mock<IMocks>(MockBehavior.Strict);
        mocks.Setup(m => m.NewResourceAsync(It.IsAny<MockResourceArgs>())).ReturnsAsync((MockResourceArgs args) =>
        {
            lock (created)
            {
                created.Add(args);
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
        return new StackRun(resources, created);
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
        if (args.Type == "aws:acm/certificate:Certificate")
        {
            var domain = (string)args.Inputs["domainName"];
            var names = args.Inputs.TryGetValue("subjectAlternativeNames", out var sans) ? ((IEnumerable<object>)sans).Cast<string>() : [];
            state["domainValidationOptions"] = names.Prepend(domain).Select(d => (object)ImmutableDictionary<string, object>.Empty
                .Add("domainName", d).Add("resourceRecordName", $"_x.{d}").Add("resourceRecordType", "CNAME").Add("resourceRecordValue", "_y.acm-validations.aws")).ToImmutableArray();
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
        "aws:index/getCallerIdentity:getCallerIdentity" => ImmutableDictionary<string, object>.Empty.Add("accountId", "123456789012").Add("arn", "arn").Add("id", "123456789012").Add("userId", "u"),
        _ => ImmutableDictionary<string, object>.Empty.Add("id", $"policy-{args.Args.GetValueOrDefault("name")}"),
    };
}
