using System.Net.Http.Json;
using Npgsql;

namespace Kite.Bench.Suite;

/// <summary>
/// Reads the AppHost dashboard's JSON API: <c>/api/info</c> (the Api and its account) and <c>/api/resources</c>
/// (each replica's PID and URLs). The provisioned servers' passwords are in the AppHost's data folder.
/// </summary>
internal static class DashboardReader
{
    private sealed record Info(string Api, string Username, string Password);

    private sealed record Resource(string Name, string Kind, int? Pid, IReadOnlyList<string> Urls);

    public static async Task<SuiteEndpoints> ReadAsync(HttpClient http, Uri dashboard, BenchOptions options, CancellationToken cancellationToken)
    {
        var info = await http.GetFromJsonAsync<Info>(new Uri(dashboard, "/api/info"), cancellationToken)
            ?? throw new InvalidOperationException("the dashboard answered /api/info with nothing");
        var resources = await http.GetFromJsonAsync<List<Resource>>(new Uri(dashboard, "/api/resources"), cancellationToken) ?? [];
        var pids = resources.Where(r => r.Pid is not null)
            .GroupBy(r => r.Name)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<int>)[.. g.Select(r => r.Pid!.Value)]);

        return new SuiteEndpoints(
            options.Api ?? new Uri(info.Api),
            options.User ?? info.Username,
            options.Password ?? info.Password,
            options.Postgres ?? Postgres(resources, options.DataDirectory),
            options.RabbitMq ?? RabbitMq(resources, options.DataDirectory),
            pids);
    }

    private static string Postgres(List<Resource> resources, string dataDirectory)
    {
        var url = new Uri(resources.First(r => r.Name == "postgres").Urls[0]);
        return new NpgsqlConnectionStringBuilder
        {
            Host = url.Host,
            Port = url.Port,
            Username = "postgres",
            Password = File.ReadAllText(Path.Combine(dataDirectory, "postgres", "password")).Trim(),
            Database = "kite",
            MaxPoolSize = 10,
        }.ConnectionString;
    }

    private static string? RabbitMq(List<Resource> resources, string dataDirectory)
    {
        var password = Path.Combine(dataDirectory, "rabbitmq", "password");
        if (resources.FirstOrDefault(r => r.Name == "rabbitmq") is not { } rabbit || !File.Exists(password))
        {
            return null;
        }

        var url = new Uri(rabbit.Urls[0]);
        return $"amqp://kite:{Uri.EscapeDataString(File.ReadAllText(password).Trim())}@{url.Host}:{url.Port}";
    }
}
