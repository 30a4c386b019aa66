using System.CommandLine;
using SecureCart.Platform.Cli.Commands;

namespace SecureCart.Platform.Cli;

/// <summary>The root `securecart` command; each subcommand lives in its own file under Commands/.</summary>
internal static class SecureCartCommand
{
    public static RootCommand Create(TextWriter output, TextWriter error)
    {
        var root = new RootCommand("SecureCart Platform: plan, check and review the regional stacks.");
        foreach (var command in Commands(output, error))
        {
            root.Subcommands.Add(command);
        }

        return root;
    }

    public static async Task<int> InvokeAsync(string[] args, TextWriter output, TextWriter error)
    {
        var config = new InvocationConfiguration { Output = output, Error = error };
        return await Create(output, error).Parse(args).InvokeAsync(config);
    }

    // One line per command: commands are added here and nowhere else.
    private static IEnumerable<Command> Commands(TextWriter output, TextWriter error) =>
    [
        PlanCommand.Create(output, error),
        CheckCommand.Create(output, error),
        CostCommand.Create(output, error),
        VerifyCommand.Create(output, error),
        ReviewCommand.Create(output, error),
        ParityCommand.Create(output, error),
        SimulateCommand.Create(output, error),
    ];
}
