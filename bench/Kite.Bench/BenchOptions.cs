using System.Globalization;

namespace Kite.Bench;

/// <summary>The command line: <c>kite-bench &lt;scenario|all|list&gt; [--option value]…</c>.</summary>
internal sealed class BenchOptions
{
    public required string Command { get; init; }

    /// <summary>The dashboard the suite was started with; the Api, its credentials and every service's PIDs are read from it.</summary>
    public Uri Dashboard { get; init; } = new("http://localhost:18888");

    public Uri? Api { get; init; }
    public string? User { get; init; }
    public string? Password { get; init; }
    public string? Postgres { get; init; }
    public string? RabbitMq { get; init; }

    /// <summary>Start the AppHost as a child process (on its own ports) and stop it at the end.</summary>
    public bool StartSuite { get; init; }

    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(20);
    public TimeSpan WarmUp { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long the suite is warmed at 5 executions/s (or the first rate, if lower) before a run's first measurement.</summary>
    public TimeSpan SuiteWarmUp { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long to wait after the last send for executions to end before counting the rest as not completed.</summary>
    public TimeSpan Drain { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Overrides a rate scenario's rates, in its own unit (per minute or per second).</summary>
    public IReadOnlyList<double>? Rates { get; init; }

    public int Runs { get; init; } = 5;

    public required string Repository { get; init; }

    public string Results => Path.Combine(Repository, "bench", "results");
    public string Flows => Path.Combine(Repository, "bench", "flows");
    public string DataDirectory => Path.Combine(Repository, ".kite");

    public static BenchOptions Parse(string[] args, string repository)
    {
        if (args.Length == 0 || args[0].StartsWith("--", StringComparison.Ordinal))
        {
            throw new ArgumentException("name a scenario, 'all' or 'list' first");
        }

        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var flags = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 1; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"unexpected argument '{args[i]}'");
            }

            var name = args[i][2..];
            if (i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                values[name] = args[++i];
            }
            else
            {
                flags.Add(name);
            }
        }

        string? Value(string name) => values.GetValueOrDefault(name);
        TimeSpan Seconds(string name, TimeSpan fallback) =>
            Value(name) is { } s ? TimeSpan.FromSeconds(double.Parse(s, CultureInfo.InvariantCulture)) : fallback;

        return new BenchOptions
        {
            Command = args[0],
            Repository = repository,
            Dashboard = Value("dashboard") is { } dashboard ? new Uri(dashboard) : new Uri("http://localhost:18888"),
            Api = Value("api") is { } api ? new Uri(api) : null,
            User = Value("user"),
            Password = Value("password"),
            Postgres = Value("postgres"),
            RabbitMq = Value("rabbitmq"),
            StartSuite = flags.Contains("start-suite"),
            Duration = Seconds("duration", TimeSpan.FromSeconds(20)),
            WarmUp = Seconds("warmup", TimeSpan.FromSeconds(5)),
            Drain = Seconds("drain", TimeSpan.FromSeconds(60)),
            SuiteWarmUp = Seconds("suite-warmup", TimeSpan.FromSeconds(30)),
            Rates = Value("rates")?.Split(',').Select(r => double.Parse(r, CultureInfo.InvariantCulture)).ToList(),
            Runs = Value("runs") is { } runs ? int.Parse(runs, CultureInfo.InvariantCulture) : 5,
        };
    }
}
