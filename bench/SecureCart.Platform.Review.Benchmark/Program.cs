using SecureCart.Platform.Review.Benchmark;

// Usage: dotnet build -c Release src/SecureCart.Platform.Cli
//        dotnet run -c Release --project bench/SecureCart.Platform.Review.Benchmark [steps] [file] [path/to/securecart.dll]
var steps = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 100_000;
var file = args.Length > 1 ? args[1] : Path.Combine(Path.GetTempPath(), $"securecart-preview-{steps}.json");
var cli = args.Length > 2 ? args[2] : Path.Combine(AppContext.BaseDirectory, "../../../../../src/SecureCart.Platform.Cli/bin/Release/net10.0/securecart.dll");
if (!File.Exists(cli))
{
    Console.Error.WriteLine($"{Path.GetFullPath(cli)} not found: run `dotnet build -c Release src/SecureCart.Platform.Cli` first");
    return 2;
}

Console.WriteLine($"generating {steps:N0} steps into {file}");
PreviewGenerator.Write(file, steps);
Console.WriteLine($"file size: {new FileInfo(file).Length / (1024.0 * 1024.0):F1} MiB");

// One warm-up of each so neither pays for a cold page cache.
Measurement.Jq(file);
Measurement.Review(cli, file);
var jq = Measurement.Jq(file);
var review = Measurement.Review(cli, file);

Console.WriteLine();
Console.WriteLine($"{"",-36}{"seconds",10}{"peak RSS MiB",14}  result");
Console.WriteLine($"{"jq '.steps | length'",-36}{jq.Seconds,10:F2}{jq.PeakMiB,14:F0}  {jq.Result}");
Console.WriteLine($"{"securecart review --format json",-36}{review.Seconds,10:F2}{review.PeakMiB,14:F0}  {review.Result}");
Console.WriteLine($"{"ratio (review / jq)",-36}{review.Seconds / jq.Seconds,10:F2}{review.PeakMiB / jq.PeakMiB,14:F2}");
return 0;
