using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using SecureCart.Platform.Cli.Rendering;
using SecureCart.Platform.Plan;
using SecureCart.Platform.Plan.Cost;
using SecureCart.Platform.Plan.Parity;
using Spectre.Console;

namespace SecureCart.Platform.Cli.Commands;

/// <summary><c>securecart cost --stack prod-us</c>: the plan's estimated cost, item by item.</summary>
internal static class CostCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var stack = CommonOptions.Stack();
        var project = CommonOptions.Project();
        var json = CommonOptions.Json();
        var command = new Command("cost", "Estimate a stack's cost per hour and per month from the price file") { stack, project, json };
        command.SetAction(parse =>
        {
            if (ProjectLocator.LoadStack(parse.GetValue(project), parse.GetValue(stack)!, error) is not { Project: var configuration, Settings: var settings })
            {
                return ExitCodes.BadInput;
            }

            var estimate = CostModel.Default.Estimate(RegionalPlanner.Plan(settings, configuration.Stacks));
            if (parse.GetValue(json))
            {
                output.WriteLine(JsonSerializer.Serialize(new { estimate.Stack, estimate.Region, estimate.HourlyUsd, estimate.MonthlyUsd, estimate.Complete, estimate.MissingPrices, estimate.PriceSource, estimate.PricesAsOf, estimate.Items }, PlanNormalizer.JsonOptions));
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
            table.AddRow(
                "total", "", "", Usd(estimate.HourlyUsd), Usd(estimate.MonthlyUsd),
                estimate.Complete ? "fixed charges only" : "fixed charges only; at least this: some prices are unknown");
            console.Write(table);
            if (!estimate.Complete)
            {
                console.WriteLine(Markup.Escape(
                    $"No {estimate.Region} price in Cost/prices.json for: {string.Join(", ", estimate.MissingPrices)}. Those items count as zero; add the region's published prices to make the estimate complete."));
            }

            console.WriteLine(Markup.Escape($"{estimate.Stack} ({estimate.Region}); prices as of {estimate.PricesAsOf}: {estimate.PriceSource}"));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string Figure(CostItem item, decimal value) => item.UsagePriced ? "usage" : item.PriceUnknown ? $"{Usd(value)}+ (unknown)" : Usd(value);

    private static string Usd(decimal value) => value.ToString("N2", CultureInfo.InvariantCulture);

    private static string Number(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
