using Pulumi;
using Pulumi.Aws.Acm;
using Pulumi.Aws.Route53;
using SecureCart.Platform.Plan.Ingress;

namespace SecureCart.Platform.Infra.Ingress;

/// <summary>
/// A DNS-validated ACM certificate. The stack creates the validation records it owns (the plan decides: one owner
/// per record, since ACM asks every region for the same record of a name) and waits on the others by name.
/// </summary>
internal static class Certificates
{
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
        foreach (ValidationRecordPlan recordPlan in plan.ValidationRecords)
        {
            Output<Pulumi.Aws.Acm.Outputs.CertificateDomainValidationOption> option =
                certificate.DomainValidationOptions.Apply(options => options.First(o => o.DomainName == recordPlan.Domain));
            if (!recordPlan.OwnedHere)
            {
                // The owner stack (deployed first) created this exact record; this certificate validates against it.
                fqdns.Add(option.Apply(o => (o.ResourceRecordName ?? "").TrimEnd('.')));
                continue;
            }

            var record = new Record(recordPlan.LogicalName, new RecordArgs
            {
                ZoneId = zoneId,
                Name = option.Apply(o => o.ResourceRecordName ?? ""),
                Type = option.Apply(o => o.ResourceRecordType ?? "CNAME"),
                Records = { option.Apply(o => o.ResourceRecordValue ?? "") },
                Ttl = 300,
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
