using Npgsql;

namespace Kite.Bench.Load;

/// <summary>Polls the <c>executions</c> table until every given execution has an end date, or the deadline passes.</summary>
internal sealed class CompletionWatcher(NpgsqlDataSource database, TimeSpan? poll = null)
{
    private const string Query =
        "SELECT id, state, start_date, end_date FROM executions WHERE id = ANY(@ids) AND end_date IS NOT NULL";

    public async Task<IReadOnlyList<EndedExecution>> WaitAsync(
        IReadOnlyCollection<string> ids, TimeSpan timeout, Action<double>? progress, CancellationToken cancellationToken)
    {
        var pending = new HashSet<string>(ids);
        var ended = new List<EndedExecution>();
        var deadline = DateTime.UtcNow + timeout;
        while (pending.Count > 0 && DateTime.UtcNow < deadline)
        {
            await using var command = database.CreateCommand(Query);
            command.Parameters.AddWithValue("ids", pending.ToArray());
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var execution = new EndedExecution(
                    reader.GetString(0), reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2), reader.GetFieldValue<DateTimeOffset>(3));
                ended.Add(execution);
                pending.Remove(execution.Id);
            }

            progress?.Invoke(ids.Count == 0 ? 1 : (double)ended.Count / ids.Count);
            if (pending.Count > 0)
            {
                await Task.Delay(poll ?? TimeSpan.FromMilliseconds(200), cancellationToken);
            }
        }

        return ended;
    }
}
