using System.Diagnostics;
using SecureCart.Platform.Plan.Configuration;
using SecureCart.Platform.Simulation.Benchmark;
using SecureCart.Platform.Simulation.Engine;
using SecureCart.Platform.Simulation.Profiles;

// Usage: dotnet run -c Release --project bench/SecureCart.Platform.Simulation.Benchmark [project-dir]
var directory = args.Length > 0 ? args[0] : Locate.Repository();
var project = ProjectLoader.Load(directory) as ProjectLoadResult.Loaded ?? throw new InvalidOperationException($"the project in {directory} does not load");
var stacks = project.Project.Stacks;
var profilePath = Path.Combine(AppContext.BaseDirectory, "day-24h.yaml");
var profile = (ProfileLoader.LoadFile(profilePath, [.. stacks.Select(s => s.StackName)]) as ProfileLoadResult.Loaded)?.Profile
    ?? throw new InvalidOperationException($"{profilePath} does not load");

var simulator = Simulator.Default;
simulator.RunScenario(profile with { DurationMinutes = 10 }, stacks, null); // JIT and price tables, not measured

// Wall time is what a user waits; CPU time shows how much of it the machine's other work took.
var process = Process.GetCurrentProcess();
var cpu = process.TotalProcessorTime;
var clock = Stopwatch.StartNew();
var stepped = simulator.RunScenario(profile, stacks, null);
var steppedSeconds = clock.Elapsed.TotalSeconds;
process.Refresh();
var steppedCpu = (process.TotalProcessorTime - cpu).TotalSeconds;

// The naive baseline walks the same model one request at a time: each request arriving in a second is a step.
var requests = 0L;
cpu = process.TotalProcessorTime;
clock.Restart();
var perRequest = simulator.RunScenario(profile, stacks, null, t =>
{
    var n = Math.Max(1, (int)Math.Round(profile.RpsAt(t) * profile.ResolutionSeconds));
    requests += n;
    return n;
});
var naiveSeconds = clock.Elapsed.TotalSeconds;
process.Refresh();
var naiveCpu = (process.TotalProcessorTime - cpu).TotalSeconds;

var components = stepped.Stacks.Sum(s => s.Components.Length);
var steps = profile.DurationSeconds / profile.ResolutionSeconds;
Console.WriteLine($"profile {profile.Name}: {profile.DurationMinutes / 60} h at {profile.ResolutionSeconds}-second steps, {stacks.Count} stacks, {components} components ({stepped.Stacks.Sum(s => s.Components.Count(c => c.Kind is SecureCart.Platform.Simulation.Results.ComponentKind.Service or SecureCart.Platform.Simulation.Results.ComponentKind.Worker))} services)");
Console.WriteLine();
Console.WriteLine($"{"",-26}{"steps",14}{"wall s",10}{"CPU s",10}{"breach min",12}{"cost USD",10}");
Console.WriteLine($"{"discrete-time (1 s)",-26}{steps,14:N0}{steppedSeconds,10:F3}{steppedCpu,10:F3}{stepped.BreachMinutes,12}{stepped.TotalUsd,10:F2}");
Console.WriteLine($"{"per-request (naive)",-26}{requests,14:N0}{naiveSeconds,10:F3}{naiveCpu,10:F3}{perRequest.BreachMinutes,12}{perRequest.TotalUsd,10:F2}");
Console.WriteLine($"{"ratio (naive / stepped)",-26}{"",14}{naiveSeconds / steppedSeconds,10:F1}{naiveCpu / steppedCpu,10:F1}");
return 0;
