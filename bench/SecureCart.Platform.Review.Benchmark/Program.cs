using SecureCart.Platform.Review.Benchmark;

// Usage: dotnet run -c Release --project bench/SecureCart.Platform.Review.Benchmark [steps] [file]
var steps = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 100_000;
var file = args.Length > 1 ? args[1] : Path.Combine(Path.GetTempPath(), $"securecart-preview-{steps}.json");

Console.WriteLine($"generating {steps:N0} steps into {file}");
PreviewGenerator.Write(file, steps);
Console.WriteLine($"file size: {new FileInfo(file).Length / (1024.0 * 1024.0):F1} MiB");

var jq = Measurement.Jq(file);
var review = Measurement.Review(file);

Console.WriteLine();
Console.WriteLine($"{"",-28}{"seconds",10}{"peak RSS MiB",14}  result");
Console.WriteLine($"{"jq '.steps | length'",-28}{jq.Seconds,10:F2}{jq.PeakMiB,14:F0}  {jq.Result}");
Console.WriteLine($"{"securecart review",-28}{review.Seconds,10:F2}{review.PeakMiB,14:F0}  {review.Result}");
Console.WriteLine($"{"ratio (review / jq)",-28}{review.Seconds / jq.Seconds,10:F2}{review.PeakMiB / jq.PeakMiB,14:F2}");
return 0;
