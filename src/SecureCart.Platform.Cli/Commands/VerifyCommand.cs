using System.CommandLine;
using System.Diagnostics;
using System.Net;
using SecureCart.Platform.Plan;
using SecureCart.Platform.Verify;
using SecureCart.Platform.Verify.Resolver;

namespace SecureCart.Platform.Cli.Commands;

/// <summary>
/// <c>securecart verify --stack prod-us</c>: resolves every public name of the plan as a customer would and judges
/// the answers against the plan. <c>--route53</c> asks Route 53 about its records instead, through
/// <c>securecart-verify-route53</c> (SecureCart.Platform.Verify.Route53), published beside this executable, so
/// the CLI itself never needs AWSSDK.Route53 to build.
/// </summary>
internal static class VerifyCommand
{
    public const string AdapterName = "securecart-verify-route53";

    public static Command Create(TextWriter output, TextWriter error)
    {
        var stack = CommonOptions.Stack();
        var project = CommonOptions.Project();
        var list = new Option<bool>("--list") { Description = "Only list the names and targets to check; no lookup" };
        var route53 = new Option<bool>("--route53") { Description = "Ask Route 53 (hosted zone records and TestDNSAnswer) instead of resolving over DNS" };
        var nameServers = new Option<string[]>("--nameserver")
        {
            Description = "Resolver to ask, as IP or IP:PORT (repeatable; default: this machine's resolvers)",
            AllowMultipleArgumentsPerToken = true,
        };
        var targets = new Option<string[]>("--target")
        {
            Description = "A deployed target's DNS name from the stack outputs, to compare addresses: cloudfront=NAME, accelerator=NAME, apigateway:REGION=NAME (repeatable)",
            AllowMultipleArgumentsPerToken = true,
        };
        var timeout = new Option<int>("--timeout") { Description = "Seconds to wait for each answer", DefaultValueFactory = _ => 3 };
        var command = new Command("verify", "Check that every public name of the plan resolves to its planned target")
        {
            stack, project, list, route53, nameServers, targets, timeout,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (ProjectLocator.LoadStack(parse.GetValue(project), parse.GetValue(stack)!, error) is not { } selected)
            {
                return ExitCodes.BadInput;
            }

            if (parse.GetValue(list))
            {
                var plan = RegionalPlanner.Plan(selected.Settings, selected.Project.Stacks);
                var home = plan.Edge ?? RegionalPlanner.Plan(selected.Project.Home, selected.Project.Stacks).Edge!;
                foreach (var record in home.Records.Append(plan.ApiRecord))
                {
                    output.WriteLine($"{record.Name} {record.Type} -> {record.Target} ({record.RoutingPolicy}{(record.SetIdentifier is null ? "" : $" {record.SetIdentifier}")}, created by {record.OwnerStack})");
                }

                return ExitCodes.Ok;
            }

            if (parse.GetValue(route53))
            {
                if (FindAdapter() is not { } adapter)
                {
                    error.WriteLine($"{AdapterName} is not beside {AppContext.BaseDirectory}; publish src/SecureCart.Platform.Verify.Route53 there to query Route 53.");
                    return ExitCodes.BadInput;
                }

                return await RunAdapterAsync(adapter, selected.Project.Directory, selected.Settings.StackName, output, error, cancellationToken);
            }

            PlannedTargets planned;
            List<IPEndPoint> servers;
            try
            {
                planned = PlannedTargets.Parse(parse.GetValue(targets) ?? []);
                servers = [.. (parse.GetValue(nameServers) ?? []).Select(ParseServer)];
            }
            catch (FormatException ex)
            {
                error.WriteLine($"securecart verify: {ex.Message}");
                return ExitCodes.BadInput;
            }

            var expectations = DnsExpectations.For(selected.Project, selected.Settings.StackName);
            var lookup = new DnsLookup(servers, TimeSpan.FromSeconds(Math.Max(1, parse.GetValue(timeout))));
            var report = await PublicDnsVerifier.VerifyAsync(expectations, lookup, planned, cancellationToken);
            ReportWriter.Write(report, output);
            return report.AllOk ? ExitCodes.Ok : ExitCodes.Findings;
        });
        return command;
    }

    private static IPEndPoint ParseServer(string text) =>
        IPEndPoint.TryParse(text, out var endPoint)
            ? endPoint.Port == 0 ? new IPEndPoint(endPoint.Address, 53) : endPoint
            : throw new FormatException($"name server '{text}' must be an IP address, optionally with :PORT (e.g. 127.0.0.1:5353 or 9.9.9.9)");

    private static string? FindAdapter() =>
        new[] { AdapterName, AdapterName + ".exe" }
            .Select(name => Path.Combine(AppContext.BaseDirectory, name))
            .FirstOrDefault(File.Exists);

    private static async Task<int> RunAdapterAsync(string adapter, string directory, string stack, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(adapter) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(directory);
        start.ArgumentList.Add(stack);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {adapter}");
        var copyOut = CopyAsync(process.StandardOutput, output, cancellationToken);
        var copyError = CopyAsync(process.StandardError, error, cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        await Task.WhenAll(copyOut, copyError);
        return process.ExitCode switch
        {
            0 => ExitCodes.Ok,
            1 => ExitCodes.Findings,
            _ => ExitCodes.BadInput,
        };
    }

    private static async Task CopyAsync(StreamReader from, TextWriter to, CancellationToken cancellationToken)
    {
        while (await from.ReadLineAsync(cancellationToken) is { } line)
        {
            await to.WriteLineAsync(line);
        }
    }
}
