using System.Diagnostics;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace SecureCart.Engineering.Tests.TestSetup;

public sealed partial class PostgresSetupTests
{
    [Fact]
    public async Task Postgres_VariableSet_UsesItAndStartsNone()
    {
        using var setup = new SetupScript();
        setup.Environment["SECURECART_TEST_POSTGRES"] = "Host=db.example;Port=5432;Username=postgres";

        var (exitCode, output, _) = await setup.RunAsync("setup_postgres; echo \"using=$SECURECART_TEST_POSTGRES\"");

        Assert.Equal(0, exitCode);
        Assert.Contains("started none", output);
        Assert.Contains("using=Host=db.example;Port=5432;Username=postgres", output);
        Assert.Empty(Directory.EnumerateFileSystemEntries(setup.Temp));
    }

    [Fact]
    public async Task Postgres_VariableUnset_StartsAClusterThatAcceptsConnections_AndRemovesItWhenTerminated()
    {
        using var setup = new SetupScript();
        using var script = setup.Start("setup_postgres; echo \"using=$SECURECART_TEST_POSTGRES\"; run_child sleep 300");

        var port = await ReadPortAsync(script);
        Assert.True(await AcceptsAsync(port), $"the throwaway server does not accept connections on {port}");
        Assert.Single(Directory.EnumerateDirectories(setup.Temp, "securecart-pg.*"));

        // What CI's timeout or a user's kill does: the trap must stop the server and remove its data folder.
        using (var kill = Process.Start("kill", ["-TERM", script.Id.ToString()]))
        {
            await kill.WaitForExitAsync(TestContext.Current.CancellationToken);
        }

        await script.WaitForExitAsync(TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromMinutes(1), TestContext.Current.CancellationToken);
        Assert.Equal(143, script.ExitCode);
        Assert.False(await AcceptsAsync(port), $"the server on {port} still runs after the test command was terminated");
        Assert.Empty(Directory.EnumerateFileSystemEntries(setup.Temp));
    }

    [Fact]
    public async Task Postgres_NormalExit_StopsTheServer()
    {
        using var setup = new SetupScript();

        var (exitCode, output, _) = await setup.RunAsync("setup_postgres; echo \"using=$SECURECART_TEST_POSTGRES\"");

        Assert.Equal(0, exitCode);
        var port = int.Parse(PortPattern().Match(output).Groups[1].Value);
        Assert.False(await AcceptsAsync(port));
        Assert.Empty(Directory.EnumerateFileSystemEntries(setup.Temp));
    }

    private static async Task<int> ReadPortAsync(Process script)
    {
        while (await script.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromMinutes(2)) is { } line)
        {
            if (PortPattern().Match(line) is { Success: true } match)
            {
                return int.Parse(match.Groups[1].Value);
            }
        }

        throw new InvalidOperationException("setup_postgres ended without a connection string: " + await script.StandardError.ReadToEndAsync());
    }

    private static async Task<bool> AcceptsAsync(int port)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync("127.0.0.1", port).WaitAsync(TimeSpan.FromSeconds(5));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"using=Host=127\.0\.0\.1;Port=(\d+);")]
    private static partial Regex PortPattern();
}
