using Amazon.Route53;
using SecureCart.Platform.Plan.Configuration;
using SecureCart.Platform.Verify;
using SecureCart.Platform.Verify.Route53;

// securecart-verify-route53 <project-dir> <stack>: exit 0 when every public name resolves as planned, 1 on findings, 2 on bad input.
if (args.Length != 2)
{
    Console.Error.WriteLine("usage: securecart-verify-route53 <folder with Pulumi.yaml> <stack>");
    return 2;
}

var selection = StackSelection.Select(args[0], args[1]);
if (selection is not StackSelection.Selected { Project: var project })
{
    Console.Error.WriteLine(((StackSelection.Failed)selection).Message);
    return 2;
}

var expectations = DnsExpectations.For(project, args[1]);
using var client = new AmazonRoute53Client();
var zoneId = await Route53HostedZone.FindZoneIdAsync(client, expectations.HostedZone, CancellationToken.None);
if (zoneId is null)
{
    Console.Error.WriteLine($"No public hosted zone {expectations.HostedZone} in this account; every name is missing.");
    return 1;
}

var report = await DnsVerifier.VerifyAsync(expectations, new Route53HostedZone(client, zoneId), CancellationToken.None);
ReportWriter.Write(report, Console.Out);
return report.AllOk ? 0 : 1;
