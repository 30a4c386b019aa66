using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using SecureCart.Platform.Cli.Rendering;
using SecureCart.Platform.Plan;
using SecureCart.Platform.Plan.Cost;
using SecureCart.Platform.Plan.Parity;
using Spectre.Console;

namespace SecureCart.Platform.Cli.Commands;

/// <summary><c>securecart cost --stack prod-us [--usage FILE]</c>: the plan's estimated cost, item by item, with a Savings Plans scenario.</summary>
internal static class CostCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var stack = CommonOptions.Stack();
        var project = CommonOptions.Project();
        var json = CommonOptions.Json();
        var usage = new Option<string?>("--usage")
        {
            Description = "Usage profile (YAML: requests/s, egress, orders/s…) the usage-priced services are estimated at (default: the shipped 100 request/s profile)",
        };
        var command = new Command("cost", "Estimate a stack's cost per hour and per month from the price file and a usage profile") { stack, project, json, usage };
        command.SetAction(parse =>
        {
            if (ProjectLocator.LoadStack(parse.GetValue(project), parse.GetValue(stack)!, error) is not { Project: var configuration, Settings: var settings })
            {
                return ExitCodes.BadInput;
            }

            var profile = UsageProfile.Default;
            if (parse.GetValue(usage) is { } usagePath)
            {
                switch (UsageProfileLoader.Load(usagePath))
                {
                    case UsageProfileLoadResult.Loaded loaded:
                        profile = loaded.Profile;
                        break;
                    case UsageProfileLoadResult.Rejected rejected:
                        foreach (var fault in rejected.Faults)
                        {
                            error.WriteLine(fault.ToString());
                        }

                        return ExitCodes.BadInput;
                }
            }

            var estimate = CostModel.Default.Estimate(RegionalPlanner.Plan(settings, configuration.Stacks), profile);
            if (parse.GetValue(json))
            {
                output.WriteLine(JsonSerializer.Serialize(
                    new { estimate.Stack, estimate.Region, estimate.HourlyUsd, estimate.MonthlyUsd, estimate.Complete, estimate.MissingPrices, estimate.PriceSource, estimate.PricesAsOf, estimate.Usage, estimate.SavingsPlans, estimate.Items },
                    PlanNormalizer.JsonOptions));
                return ExitCodes.Ok;
            }

            var console = Consoles.For(output);
            var table = PlanRenderer.Table(
                ["component", "resource", "quantity", "$/hour", "$/month", "note"],
                estimate.Items.Select(i => new[]
                {
                    i.Component, i.Resource, Number(i.Quantity),
                    Figure(i, i.HourlyUsd), Figure(i, i.MonthlyUsd), i.Note,
                }));
            var basis = $"fixed charges and usage profile '{profile.Name}'";
            table.AddRow(
                "total", "", "", Usd(estimate.HourlyUsd), Usd(estimate.MonthlyUsd),
                estimate.Complete ? basis : $"{basis}; at least this: some prices are unknown");
            console.Write(table);
            if (!estimate.Complete)
            {
                console.WriteLine(Markup.Escape(
                    $"No {estimate.Region} price in Cost/prices.json for: {string.Join(", ", estimate.MissingPrices)}. Those items count as zero; add the region's published prices to make the estimate complete."));
            }

            if (estimate.SavingsPlans is { } plans)
            {
                console.WriteLine(Markup.Escape(SavingsLine(plans)));
            }

            console.WriteLine(Markup.Escape($"{estimate.Stack} ({estimate.Region}); prices as of {estimate.PricesAsOf}: {estimate.PriceSource}"));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string SavingsLine(SavingsPlanScenario plans) => string.Create(CultureInfo.InvariantCulture,
        $"Savings Plans sized to the on-demand floor: Compute ${plans.ComputeCommitmentHourlyUsd:N4}/h commitment (floor ${plans.ComputeFloorHourlyUsd:N4}/h at list; {plans.Rates.ComputeTerm}) saves ${plans.ComputeSavingsMonthlyUsd:N2}/month; " +
        $"Database ${plans.DatabaseCommitmentHourlyUsd:N4}/h saves ${plans.DatabaseSavingsMonthlyUsd:N2}/month ({plans.DatabaseNote}; {plans.Rates.DatabaseTerm}). " +
        $"List ${plans.ListMonthlyUsd:N2}/month, with plans ${plans.WithPlansMonthlyUsd:N2}/month. Rates as of {plans.Rates.AsOf}.");

    private static string Figure(CostItem item, decimal value) => item.UsagePriced ? "usage" : item.PriceUnknown ? $"{Usd(value)}+ (unknown)" : Usd(value);

    private static string Usd(decimal value) => value.ToString("N2", CultureInfo.InvariantCulture);

    private static string Number(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
