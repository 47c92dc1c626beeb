using System.Collections.Concurrent;
using System.Diagnostics;

namespace Kite.Api.Bench;

/// <summary>
/// The duration of every command Npgsql runs, from its own tracing (the <c>Npgsql</c> activity source): from sending
/// the command to the end of its result, rows read. Keyed by the SQL text, so the bench times exactly what the route sent.
/// </summary>
public sealed class SqlTimings : IDisposable
{
    private readonly ActivityListener listener;
    private readonly ConcurrentQueue<(string Sql, double Milliseconds)> commands = new();

    public SqlTimings()
    {
        listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = activity => commands.Enqueue((Sql(activity), activity.Duration.TotalMilliseconds)),
        };
        ActivitySource.AddActivityListener(listener);
    }

    /// <summary>The commands recorded since the last call, in the order they ended.</summary>
    public List<(string Sql, double Milliseconds)> Take()
    {
        var taken = new List<(string, double)>();
        while (commands.TryDequeue(out var command))
        {
            taken.Add(command);
        }

        return taken;
    }

    private static string Sql(Activity activity) =>
        activity.GetTagItem("db.query.text") as string ?? activity.GetTagItem("db.statement") as string ?? activity.DisplayName;

    public void Dispose() => listener.Dispose();
}
