using System.Globalization;
using SecureCart.Platform.Review.Benchmark;

// Usage: dotnet run -c Release --project bench/SecureCart.Platform.Review.Benchmark [steps] [file] [path/to/securecart] [rounds]
// Without a command path it publishes the command as users run it (ReadyToRun, for this machine's runtime).
var steps = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
var file = args.Length > 1 && args[1].Length > 0 ? args[1] : Path.Combine(Path.GetTempPath(), $"securecart-preview-{steps}.json");
var cli = args.Length > 2 && args[2].Length > 0 ? args[2] : Published.Command();
var rounds = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 3;
if (!File.Exists(cli))
{
    Console.Error.WriteLine($"{Path.GetFullPath(cli)} not found");
    return 2;
}

Console.WriteLine($"command: {Path.GetFullPath(cli)}");

Console.WriteLine($"generating {steps:N0} steps into {file}");
PreviewGenerator.Write(file, steps);
Console.WriteLine($"file size: {new FileInfo(file).Length / (1024.0 * 1024.0):F1} MiB");

if (Environment.GetEnvironmentVariable("SECURECART_BENCH_PHASES") == "1")
{
    Phases.Print(file);
}

// One warm-up of each so neither pays for a cold page cache; then the two alternate, so a burst of load
// from elsewhere on the machine falls on both sides rather than on one.
Measurement.Jq(file);
Measurement.Review(cli, file);
Console.WriteLine();
Console.WriteLine($"{"round",-6}{"jq s",8}{"jq MiB",9}{"review s",10}{"review MiB",12}{"ratio s",9}{"ratio MiB",11}  result");
var ratios = new List<double>();
for (var round = 1; round <= rounds; round++)
{
    var jq = Measurement.Jq(file);
    var review = Measurement.Review(cli, file);
    ratios.Add(review.Seconds / jq.Seconds);
    Console.WriteLine(string.Create(
        CultureInfo.InvariantCulture,
        $"{round,-6}{jq.Seconds,8:F2}{jq.PeakMiB,9:F0}{review.Seconds,10:F2}{review.PeakMiB,12:F0}{review.Seconds / jq.Seconds,9:F2}{review.PeakMiB / jq.PeakMiB,11:F2}  {jq.Result}; {review.Result}"));
}

if (ratios.Count == 0)
{
    return 0;
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"whole-command time ratio (review / jq): median {ratios.Order().ElementAt(ratios.Count / 2):F2}, best {ratios.Min():F2}, worst {ratios.Max():F2}"));
return 0;
