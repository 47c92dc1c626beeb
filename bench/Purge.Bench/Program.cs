using Kite.Purge.Bench;

// Usage: dotnet run -c Release --project bench/Purge.Bench [-- --quick]   (--quick: the 10,000-execution scenarios only)
var report = await PurgeBench.RunAsync(quick: args.Contains("--quick"));
var path = Path.Combine(RepositoryRoot.Find(), "bench", "results", "purge.md");
await File.WriteAllTextAsync(path, report);
Console.WriteLine(report);
Console.WriteLine($"Written to {path}");
