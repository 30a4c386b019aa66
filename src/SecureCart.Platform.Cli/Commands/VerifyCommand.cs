using System.CommandLine;
using System.Diagnostics;
using SecureCart.Platform.Plan;

namespace SecureCart.Platform.Cli.Commands;

/// <summary>
/// <c>securecart verify --stack prod-us</c>: asks Route 53 whether every public name of the plan resolves to
/// its planned target. The AWS call lives in <c>securecart-verify-route53</c> (SecureCart.Platform.Verify.Route53),
/// published beside this executable, so the CLI itself never needs AWSSDK.Route53 to build.
/// </summary>
internal static class VerifyCommand
{
    public const string AdapterName = "securecart-verify-route53";

    public static Command Create(TextWriter output, TextWriter error)
    {
        var stack = CommonOptions.Stack();
        var project = CommonOptions.Project();
        var list = new Option<bool>("--list") { Description = "Only list the names and targets to check; no AWS call" };
        var command = new Command("verify", "Check the hosted zone: every public name of the plan exists and points at its planned target") { stack, project, list };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var configuration = ProjectLocator.Load(parse.GetValue(project), error);
            if (configuration is null || !ProjectLocator.TryGetStack(configuration, parse.GetValue(stack)!, error, out var settings))
            {
                return ExitCodes.BadInput;
            }

            var adapter = FindAdapter();
            if (parse.GetValue(list) || adapter is null)
            {
                var plan = RegionalPlanner.Plan(settings, configuration.Stacks);
                var home = plan.Edge ?? RegionalPlanner.Plan(configuration.Home, configuration.Stacks).Edge!;
                foreach (var record in home.Records.Append(plan.ApiRecord))
                {
                    output.WriteLine($"{record.Name} {record.Type} -> {record.Target} ({record.RoutingPolicy}{(record.SetIdentifier is null ? "" : $" {record.SetIdentifier}")}, created by {record.OwnerStack})");
                }

                if (adapter is null && !parse.GetValue(list))
                {
                    error.WriteLine($"{AdapterName} is not beside {AppContext.BaseDirectory}; publish src/SecureCart.Platform.Verify.Route53 there to query Route 53.");
                    return ExitCodes.BadInput;
                }

                return ExitCodes.Ok;
            }

            return await RunAdapterAsync(adapter, configuration.Directory, settings.StackName, output, error, cancellationToken);
        });
        return command;
    }

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
