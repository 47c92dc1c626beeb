using Microsoft.Extensions.Options;
using Npgsql;

namespace Kite.Purge.Pacing;

/// <summary>
/// The engine is busy when executions started or ended within the last <see cref="PacingOptions.BusyWindow"/>: two
/// range scans of the <c>(deleted, start_date)</c> and <c>(deleted, end_date)</c> indexes, each stopped at
/// <see cref="PacingOptions.BusyExecutions"/> rows, read at most once per <see cref="PacingOptions.SampleInterval"/>
/// for every purge of this instance. It sees what the engine does without asking the engine anything.
/// </summary>
public sealed class EngineActivity(NpgsqlDataSource dataSource, IOptions<PacingOptions> options, TimeProvider clock) : IEngineActivity
{
    private sealed record Sample(long At, bool Busy);

    private Sample? last;

    public async ValueTask<bool> IsBusyAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = clock.GetTimestamp();
        if (last is { } sample && clock.GetElapsedTime(sample.At, now) < settings.SampleInterval)
        {
            return sample.Busy;
        }

        await using var command = dataSource.CreateCommand("""
            SELECT (SELECT count(*) FROM (SELECT 1 FROM executions WHERE deleted = false AND start_date > now() - @window LIMIT @busy) s)
                 + (SELECT count(*) FROM (SELECT 1 FROM executions WHERE deleted = false AND end_date > now() - @window LIMIT @busy) e)
            """);
        command.Parameters.AddWithValue("window", settings.BusyWindow);
        command.Parameters.AddWithValue("busy", (long)Math.Max(1, settings.BusyExecutions));
        var recent = (long)(await command.ExecuteScalarAsync(cancellationToken) ?? 0L);
        var busy = recent >= settings.BusyExecutions;
        last = new Sample(now, busy);
        return busy;
    }
}
