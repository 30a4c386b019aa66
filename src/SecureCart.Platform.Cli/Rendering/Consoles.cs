using Spectre.Console;

namespace SecureCart.Platform.Cli.Rendering;

/// <summary>Spectre consoles over the command's writers, so tests read exactly what users see.</summary>
internal static class Consoles
{
    public static IAnsiConsole For(TextWriter writer)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = writer == Console.Out && !Console.IsOutputRedirected ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = writer == Console.Out && !Console.IsOutputRedirected ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        if (writer != Console.Out || Console.IsOutputRedirected)
        {
            // Files and pipes have no width; wide enough that tables keep one row per line.
            console.Profile.Width = 180;
        }

        return console;
    }
}
