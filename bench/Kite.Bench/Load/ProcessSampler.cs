using System.Globalization;

namespace Kite.Bench.Load;

/// <summary>
/// Samples /proc once a second for each service's replica PIDs and everything they started (PostgreSQL's backends,
/// the broker's helpers): CPU time from <c>stat</c> (utime + stime + the reaped children's cutime + cstime), resident memory from <c>status</c> (VmRSS).
/// </summary>
internal sealed class ProcessSampler(IReadOnlyDictionary<string, IReadOnlyList<int>> services) : IAsyncDisposable
{
    private const double TicksPerSecond = 100; // USER_HZ, 100 on every Linux this runs on.
    private readonly CancellationTokenSource stop = new();
    private readonly Dictionary<string, double> peakRss = [];
    private Dictionary<string, long> firstTicks = [];
    private Dictionary<string, long> lastTicks = [];
    private DateTime first, last;
    private Task? loop;

    public void Start()
    {
        (first, firstTicks) = (DateTime.UtcNow, Sample());
        loop = RunAsync(stop.Token);
    }

    public async Task<IReadOnlyList<ServiceUsage>> StopAsync()
    {
        await stop.CancelAsync();
        if (loop is not null)
        {
            await loop;
        }

        (last, lastTicks) = (DateTime.UtcNow, Sample());
        var seconds = Math.Max(0.001, (last - first).TotalSeconds);
        return [.. services.Keys.Order(StringComparer.Ordinal).Select(s => new ServiceUsage(
            s,
            Math.Round((lastTicks.GetValueOrDefault(s) - firstTicks.GetValueOrDefault(s)) / TicksPerSecond / seconds * 100, 1),
            Math.Round(peakRss.GetValueOrDefault(s), 1)))];
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
                Sample();
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }
    }

    /// <summary>CPU ticks per service now; records each service's resident memory as a side effect.</summary>
    private Dictionary<string, long> Sample()
    {
        var processes = ReadAll();
        var children = processes.Values.ToLookup(p => p.Parent);
        var ticks = new Dictionary<string, long>();
        foreach (var (service, roots) in services)
        {
            var tree = new List<ProcInfo>();
            var queue = new Queue<int>(roots);
            while (queue.TryDequeue(out var pid))
            {
                if (processes.TryGetValue(pid, out var process))
                {
                    tree.Add(process);
                    foreach (var child in children[pid])
                    {
                        queue.Enqueue(child.Pid);
                    }
                }
            }

            ticks[service] = tree.Sum(p => p.Ticks);
            var rssMb = tree.Sum(p => p.RssKb) / 1024.0;
            peakRss[service] = Math.Max(peakRss.GetValueOrDefault(service), rssMb);
        }

        return ticks;
    }

    private sealed record ProcInfo(int Pid, int Parent, long Ticks, long RssKb);

    private static Dictionary<int, ProcInfo> ReadAll()
    {
        var all = new Dictionary<int, ProcInfo>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            try
            {
                // The command name (field 2) may hold spaces; the fields after its closing parenthesis are fixed.
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                var parent = int.Parse(fields[1], CultureInfo.InvariantCulture);
                // utime + stime, and cutime + cstime: a child that ends (a PostgreSQL backend) moves its time to its
                // parent's, so the total of a tree never goes down when one of its processes exits.
                var ticks = fields[11..15].Sum(f => long.Parse(f, CultureInfo.InvariantCulture));
                var rss = File.ReadLines(Path.Combine(dir, "status"))
                    .Where(l => l.StartsWith("VmRSS:", StringComparison.Ordinal))
                    .Select(l => long.Parse(l[6..].Trim().Split(' ')[0], CultureInfo.InvariantCulture))
                    .FirstOrDefault();
                all[pid] = new ProcInfo(pid, parent, ticks, rss);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The process ended between listing and reading.
            }
        }

        return all;
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        stop.Dispose();
    }
}
