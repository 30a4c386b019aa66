using System.Collections.Frozen;
using SecureCart.Platform.Plan.Compute;
using SecureCart.Platform.Plan.Configuration;

namespace SecureCart.Platform.Plan.Cost;

/// <summary>
/// Every price-file entry the cost model can ask for. The price file may hold nothing else, and for each Region it
/// lists, each of these is either priced or named as unpriced: a missing price is a recorded fact, never an oversight.
/// </summary>
public static class PriceKeys
{
    /// <summary>Unitless factors, not prices: they must lie between zero and one.</summary>
    public static IReadOnlyList<string> Factors { get; } = ["fargate.spot-factor", "ec2.spot-factor"];

    /// <summary>Prices per unit of use, estimated from a usage profile.</summary>
    public static IReadOnlyList<string> Usage { get; } =
    [
        "cloudfront.gb", "cloudfront.https-10k", "waf.million-requests", "apigateway.rest.million",
        "dynamodb.million-rru", "dynamodb.million-wru", "stepfunctions.1k-transitions", "xray.million-traces",
        "transfer.cross-az-gb", "cloudwatch.logs-ingest-gb", "cloudwatch.spans-ingest-gb",
    ];

    public static FrozenSet<string> All { get; } = Build().ToFrozenSet(StringComparer.Ordinal);

    public static bool IsKnown(string key) => All.Contains(key);

    private static IEnumerable<string> Build()
    {
        foreach (var architecture in new[] { CpuArchitecture.Arm64, CpuArchitecture.X64 })
        {
            yield return $"fargate.vcpu-hour.{architecture.Name()}";
            yield return $"fargate.gb-hour.{architecture.Name()}";
            foreach (var type in InstanceClasses.Workers(architecture))
            {
                yield return $"ec2.{type}.hour";
            }
        }

        foreach (var factor in Factors)
        {
            yield return factor;
        }

        foreach (var rds in InstanceClasses.Rds)
        {
            yield return $"rds.{rds}.hour";
        }

        foreach (var redis in InstanceClasses.Redis)
        {
            yield return $"elasticache.{redis}.hour";
        }

        string[] fixedCharges =
        [
            "rds.gp3.gb-month", "natgateway.hour", "alb.hour", "vpc-endpoint.interface.hour", "globalaccelerator.hour",
            "kms.key-month", "secretsmanager.secret-month", "cloudwatch.alarm-month", "cloudwatch.dashboard-month",
            "waf.webacl-month", "waf.rule-month", "route53.zone-month",
            "publicipv4.hour", "ebs.gp3.gb-month", "cloudwatch.metric-month", "rds.proxy.vcpu-hour",
        ];
        foreach (var key in fixedCharges.Concat(Usage))
        {
            yield return key;
        }
    }
}
