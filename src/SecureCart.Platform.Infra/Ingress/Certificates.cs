using System.Collections.Immutable;
using Pulumi;
using Pulumi.Aws.Acm;
using Pulumi.Aws.Route53;
using SecureCart.Platform.Plan.Ingress;

namespace SecureCart.Platform.Infra.Ingress;

/// <summary>A DNS-validated ACM certificate: one validation record per planned name, so the count is known at preview.</summary>
internal static class Certificates
{
    /// <summary>A certificate whose validation records this stack creates, named after <paramref name="name"/>.</summary>
    public static CertificateValidation Create(
        string name, string domain, ImmutableArray<string> alternativeNames, Output<string> zoneId, InputMap<string> tags, Resource parent, ProviderResource? provider = null) =>
        Create(CertificatePlan.OwnedBy(name, domain, alternativeNames, Deployment.Instance.StackName), zoneId, tags, parent, provider);

    /// <summary>The certificate, its validation records and the validation, each under the plan's logical name.</summary>
    public static CertificateValidation Create(CertificatePlan plan, Output<string> zoneId, InputMap<string> tags, Resource parent, ProviderResource? provider = null)
    {
        var certificate = new Certificate(plan.LogicalName, new CertificateArgs
        {
            DomainName = plan.Domain,
            SubjectAlternativeNames = plan.AlternativeNames,
            ValidationMethod = "DNS",
            Tags = tags,
        }, new CustomResourceOptions { Parent = parent, Provider = provider });

        var fqdns = new List<Output<string>>();
        foreach (ValidationRecordPlan planned in plan.ValidationRecords)
        {
            Output<Pulumi.Aws.Acm.Outputs.CertificateDomainValidationOption> option =
                certificate.DomainValidationOptions.Apply(options => options.First(o => o.DomainName == planned.Domain));
            var record = new Record(planned.LogicalName, new RecordArgs
            {
                ZoneId = zoneId,
                Name = option.Apply(o => o.ResourceRecordName ?? ""),
                Type = option.Apply(o => o.ResourceRecordType ?? "CNAME"),
                Records = { option.Apply(o => o.ResourceRecordValue ?? "") },
                Ttl = 300,
                AllowOverwrite = true, // two certificates for the same name share one validation record
            }, new CustomResourceOptions { Parent = parent });
            fqdns.Add(record.Fqdn);
        }

        return new CertificateValidation(plan.ValidationLogicalName, new CertificateValidationArgs
        {
            CertificateArn = certificate.Arn,
            ValidationRecordFqdns = fqdns,
        }, new CustomResourceOptions { Parent = parent, Provider = provider });
    }
}
