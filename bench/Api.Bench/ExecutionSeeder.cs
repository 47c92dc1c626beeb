using System.Globalization;
using Npgsql;
using NpgsqlTypes;

namespace Kite.Api.Bench;

/// <summary>
/// Executions spread as a busy instance's are, written with binary COPY: 50 namespaces (<c>ns0</c>…<c>ns49</c>) of
/// 4 flows each, start dates over the last 90 days, 82 % SUCCESS, 12 % FAILED, 2 % WARNING, 2 % RUNNING, 1 % KILLED,
/// 1 % CREATED; 1 % soft-deleted; a third carry labels (<c>team</c> of 5, <c>env</c> of 2), two in five a schedule trigger.
/// Deterministic (a fixed seed), so every reseed is the same data set.
/// </summary>
public static class ExecutionSeeder
{
    public const int Namespaces = 50;

    private static readonly string[] FlowNames =
        ["ingest-orders", "daily-report", "sync-users", "cleanup-tmp", "etl-sales", "send-invoices", "refresh-cache", "score-leads"];

    private static readonly string[] Labels =
        [.. Enumerable.Range(0, 10).Select(i => $$"""[{"key": "team", "value": "team{{i % 5}}"}, {"key": "env", "value": "{{(i < 5 ? "prod" : "dev")}}"}]""")];

    private const string Trigger =
        """{"id": "schedule", "type": "io.kestra.plugin.core.trigger.Schedule", "variables": {"date": "2026-01-01T00:00:00Z"}}""";

    public static string Version(int executions) => $"v1 {executions}";

    /// <summary>Flow <paramref name="k"/> (0–3) of namespace <paramref name="ns"/>: each namespace has 4 of the 8 names.</summary>
    public static string Flow(int ns, int k) => FlowNames[(ns + k * 2) % FlowNames.Length];

    public static async Task SeedAsync(NpgsqlDataSource dataSource, int executions)
    {
        // Two COPY streams, one per core: the indexes are maintained during the load, which is most of its cost.
        const int streams = 2;
        var now = DateTimeOffset.UtcNow;
        await Task.WhenAll(Enumerable.Range(0, streams).Select(s => CopyAsync(dataSource, now, s, streams, executions)));
    }

    private static async Task CopyAsync(NpgsqlDataSource dataSource, DateTimeOffset now, int stream, int streams, int executions)
    {
        var random = new Random(stream + 1);
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var copy = await connection.BeginBinaryImportAsync(
            "COPY executions (id, namespace, flow_id, flow_revision, state, start_date, end_date, duration_ms, inputs, labels, " +
            "trigger, state_history, attempt, deleted) FROM STDIN (FORMAT BINARY)");
        copy.Timeout = TimeSpan.FromMinutes(10);
        for (var i = stream; i < executions; i += streams)
        {
            var ns = random.Next(Namespaces);
            var state = State(random.Next(100));
            var start = now - TimeSpan.FromSeconds(random.NextDouble() * TimeSpan.FromDays(90).TotalSeconds);
            var ended = state is not ("RUNNING" or "CREATED");
            var duration = TimeSpan.FromMilliseconds(500 + Math.Pow(random.NextDouble(), 3) * 600_000);
            await copy.StartRowAsync();
            await copy.WriteAsync(Id(random));
            await copy.WriteAsync($"ns{ns}");
            await copy.WriteAsync(Flow(ns, random.Next(4)));
            await copy.WriteAsync(1 + random.Next(3));
            await copy.WriteAsync(state);
            await copy.WriteAsync(start, NpgsqlDbType.TimestampTz);
            if (ended)
            {
                await copy.WriteAsync(start + duration, NpgsqlDbType.TimestampTz);
                await copy.WriteAsync((long)duration.TotalMilliseconds);
            }
            else
            {
                await copy.WriteNullAsync();
                await copy.WriteNullAsync();
            }

            await copy.WriteAsync("""{"size": 100}""", NpgsqlDbType.Jsonb);
            await WriteOrNullAsync(copy, random.Next(3) == 0 ? Labels[random.Next(Labels.Length)] : null);
            await WriteOrNullAsync(copy, random.Next(5) < 2 ? Trigger : null);
            await copy.WriteAsync(History(state, start, start + duration), NpgsqlDbType.Jsonb);
            await copy.WriteAsync(1);
            await copy.WriteAsync(random.Next(100) == 0);
        }

        await copy.CompleteAsync();
    }

    private static string State(int percent) => percent switch
    {
        < 82 => "SUCCESS",
        < 94 => "FAILED",
        < 96 => "WARNING",
        < 98 => "RUNNING",
        < 99 => "KILLED",
        _ => "CREATED",
    };

    private static string History(string state, DateTimeOffset start, DateTimeOffset end)
    {
        var created = $$"""{"state": "CREATED", "date": "{{start.ToString("O", CultureInfo.InvariantCulture)}}"}""";
        if (state == "CREATED")
        {
            return $"[{created}]";
        }

        var running = $$"""{"state": "RUNNING", "date": "{{start.AddMilliseconds(40).ToString("O", CultureInfo.InvariantCulture)}}"}""";
        return state == "RUNNING"
            ? $"[{created}, {running}]"
            : $$"""[{{created}}, {{running}}, {"state": "{{state}}", "date": "{{end.ToString("O", CultureInfo.InvariantCulture)}}"}]""";
    }

    private static async Task WriteOrNullAsync(NpgsqlBinaryImporter copy, string? json)
    {
        if (json is null)
        {
            await copy.WriteNullAsync();
        }
        else
        {
            await copy.WriteAsync(json, NpgsqlDbType.Jsonb);
        }
    }

    /// <summary>A 22-character base-62 id, as Kestra's <c>IdUtils.create()</c> makes them.</summary>
    private static string Id(Random random) => string.Create(22, random, (chars, r) =>
    {
        const string alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = alphabet[r.Next(alphabet.Length)];
        }
    });
}
