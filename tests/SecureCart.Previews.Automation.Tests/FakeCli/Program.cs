using SecureCart.Previews.Automation.FakeCli;

// The Automation API's version check runs with the host's environment, not the workspace's: answer it first.
if (args is ["version", ..])
{
    Console.WriteLine("v3.150.0");
    return 0;
}

// State lives in the folder the test names; every call is recorded there before it is answered.
var stateDirectory = Environment.GetEnvironmentVariable("FAKE_PULUMI_STATE");
if (string.IsNullOrEmpty(stateDirectory))
{
    await Console.Error.WriteLineAsync("fake pulumi: FAKE_PULUMI_STATE is not set");
    return 2;
}

var state = new FakeState(stateDirectory);
return await new FakeCommands(state, args, Environment.CurrentDirectory).RunAsync();
