using System.Globalization;
using Kite.Bench.Load;

namespace Kite.Bench.Reporting;

/// <summary>A soak's start and end side by side, as Markdown table lines.</summary>
internal static class SnapshotComparison
{
    public static IEnumerable<string> Lines(SystemSnapshot start, SystemSnapshot end)
    {
        yield return "| what | at the start | at the end |";
        yield return "|---|--:|--:|";
        foreach (var table in start.Tables.Keys.Union(end.Tables.Keys).Order(StringComparer.Ordinal))
        {
            var (rows0, bytes0) = start.Tables.GetValueOrDefault(table);
            var (rows1, bytes1) = end.Tables.GetValueOrDefault(table);
            if (rows0 + rows1 + bytes0 + bytes1 > 0)
            {
                yield return string.Create(CultureInfo.InvariantCulture, $"| table `{table}` | {rows0:N0} rows, {Size(bytes0)} | {rows1:N0} rows, {Size(bytes1)} |");
            }
        }

        foreach (var queue in start.Queues.Keys.Union(end.Queues.Keys).Order(StringComparer.Ordinal))
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"| queue `{queue}` | {start.Queues.GetValueOrDefault(queue):N0} messages | {end.Queues.GetValueOrDefault(queue):N0} messages |");
        }

        foreach (var service in start.ServiceRssMb.Keys.Union(end.ServiceRssMb.Keys).Order(StringComparer.Ordinal))
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"| {service} resident memory | {start.ServiceRssMb.GetValueOrDefault(service):0} MB | {end.ServiceRssMb.GetValueOrDefault(service):0} MB |");
        }
    }

    private static string Size(long bytes) => bytes < 1024 * 1024
        ? string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0} kB")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0 / 1024:0.#} MB");
}
