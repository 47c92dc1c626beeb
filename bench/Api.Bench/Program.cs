using Kite.Api.Bench;
using Kite.Purge.Bench;

// Usage: dotnet run -c Release --project bench/Api.Bench [-- --reseed] [--iterations 200] [--warmup 20] [--only <search name>]
var options = BenchOptions.Parse(args);
var report = await SearchBench.RunAsync(options);
var path = Path.Combine(RepositoryRoot.Find(), "bench", "results", "api.md");
await File.WriteAllTextAsync(path, report);
Console.WriteLine(report);
Console.WriteLine($"Written to {path}");
