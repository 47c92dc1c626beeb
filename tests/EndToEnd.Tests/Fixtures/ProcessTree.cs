using System.Globalization;

namespace Kite.EndToEnd.Tests.Fixtures;

/// <summary>Every process below a given one, read from /proc, each with its start time so a recycled PID is not confused with it.</summary>
public static class ProcessTree
{
    public static IReadOnlyList<(int Pid, long StartTime, string Command)> Descendants(int root)
    {
        var all = Directory.GetDirectories("/proc")
            .Select(d => int.TryParse(Path.GetFileName(d), out var pid) ? Read(pid) : null)
            .OfType<(int Pid, int Parent, long StartTime, string Command)>()
            .ToList();
        var found = new List<(int, long, string)>();
        var frontier = new Queue<int>([root]);
        while (frontier.TryDequeue(out var parent))
        {
            foreach (var child in all.Where(p => p.Parent == parent))
            {
                found.Add((child.Pid, child.StartTime, child.Command));
                frontier.Enqueue(child.Pid);
            }
        }

        return found;
    }

    public static long? StartTime(int pid) => Read(pid)?.StartTime;

    public static bool IsAlive(int pid, long startTime) => Read(pid) is { } p && p.StartTime == startTime && !IsZombie(pid);

    private static bool IsZombie(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)] == 'Z';
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static (int Pid, int Parent, long StartTime, string Command)? Read(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var name = stat[(stat.IndexOf('(') + 1)..stat.LastIndexOf(')')];
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return (pid, int.Parse(fields[1], CultureInfo.InvariantCulture), long.Parse(fields[19], CultureInfo.InvariantCulture), name);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return null;
        }
    }
}
