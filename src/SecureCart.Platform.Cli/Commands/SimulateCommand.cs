using System.CommandLine;
using SecureCart.Platform.Simulation.Charts;
using SecureCart.Platform.Simulation.Engine;
using SecureCart.Platform.Simulation.Fixes;
using SecureCart.Platform.Simulation.Profiles;
using SecureCart.Platform.Simulation.Reports;

namespace SecureCart.Platform.Cli.Commands;

/// <summary>
/// <c>securecart simulate --profile surge-20x</c>: runs a traffic profile against every stack's scaling plan;
/// exit 0 when no component breaches its SLO, 1 when one does (with the cheapest fix), 2 on bad input.
/// </summary>
internal static class SimulateCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var profile = new Option<string>("--profile", "-p")
        {
            Description = $"Traffic profile: a YAML file, or a shipped one ({string.Join(", ", ShippedProfiles.Names)})",
            Required = true,
        };
        var project = CommonOptions.Project();
        var format = new Option<string>("--format", "-f")
        {
            Description = "text, json or html (self-contained, charts embedded)",
            DefaultValueFactory = _ => "text",
        }.AcceptOnlyFromAmong("text", "json", "html");
        var file = ReportOptions.Output();
        var charts = new Option<DirectoryInfo?>("--charts")
        {
            Description = "Write each component's capacity-against-demand chart here as PNG and SVG",
        };
        var noFix = new Option<bool>("--no-fix")
        {
            Description = "Skip the search for the cheapest plan change",
        };
        var command = new Command("simulate", "Simulate a traffic profile against the stacks' scaling plans") { profile, project, format, file, charts, noFix };
        command.SetAction(parse =>
        {
            var configuration = ProjectLocator.Load(parse.GetValue(project), error);
            if (configuration is null)
            {
                return ExitCodes.BadInput;
            }

            var stacks = configuration.Stacks.Select(s => s.StackName).ToArray();
            var name = parse.GetValue(profile)!;
            ProfileLoadResult loaded;
            if (File.Exists(name))
            {
                loaded = ProfileLoader.LoadFile(name, stacks);
            }
            else if (ShippedProfiles.Names.Contains(name))
            {
                loaded = ShippedProfiles.Load(name, stacks);
            }
            else
            {
                error.WriteLine($"No profile '{name}': it is neither a file nor a shipped profile ({string.Join(", ", ShippedProfiles.Names)}).");
                return ExitCodes.BadInput;
            }

            if (loaded is ProfileLoadResult.Rejected rejected)
            {
                error.WriteLine($"The profile {name} has {rejected.Faults.Count} problem(s):");
                foreach (var fault in rejected.Faults)
                {
                    error.WriteLine($"  {fault}");
                }

                return ExitCodes.BadInput;
            }

            var traffic = ((ProfileLoadResult.Loaded)loaded).Profile;
            var scenarios = Simulator.Default.Run(traffic, configuration.Stacks);
            var fix = parse.GetValue(noFix) ? null : FixFinder.Default.Find(traffic, configuration, scenarios);
            var report = new SimulationReport(traffic, scenarios, fix);
            if (parse.GetValue(charts) is { } directory)
            {
                var written = ChartRenderer.WriteAll(scenarios, directory.FullName);
                error.WriteLine($"wrote {written.Count} chart file(s) to {directory.FullName}");
            }

            ReportOptions.Emit(parse.GetValue(file), output, writer =>
            {
                switch (parse.GetValue(format))
                {
                    case "json":
                        writer.WriteLine(JsonReport.Serialize(report));
                        break;
                    case "html":
                        HtmlReport.Write(report, writer);
                        break;
                    default:
                        TextReport.Write(report, writer);
                        break;
                }
            });
            return report.Breached ? ExitCodes.Findings : ExitCodes.Ok;
        });
        return command;
    }
}
