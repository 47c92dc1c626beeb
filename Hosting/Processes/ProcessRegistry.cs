using System.Globalization;
using System.Text.Json;

namespace Kite.Hosting.Processes;

/// <summary>
/// A file listing the processes an AppHost started and has not yet seen exit. If the AppHost is killed
/// without a chance to stop them, its next start finds them here and stops them before provisioning again.
/// Entries carry the kernel's start time of the process, so a recycled PID is never mistaken for ours.
/// </summary>
public sealed class ProcessRegistry(string file)
{
    private readonly Lock gate = new();
    private readonly Dictionary<int, Entry> entries = [];

    public void Track(ChildProcess child)
    {
        var startTime = ReadStartTime(child.Id);
        if (startTime is null)
        {
            return;
        }

        lock (gate)
        {
            entries[child.Id] = new Entry(child.Id, startTime.Value, (int)child.Spec.StopSignal, child.Spec.ToString());
            Save();
        }

        _ = child.Exited.ContinueWith(_ => Forget(child.Id), TaskScheduler.Default);
    }

    public void Forget(int pid)
    {
        lock (gate)
        {
            if (entries.Remove(pid))
            {
                Save();
            }
        }
    }

    // A run killed while writing the file leaves it empty or cut short: then there is nothing we can know to stop.
    private async Task<List<Entry>> ReadEntriesAsync()
    {
        try
        {
            return JsonSerializer.Deserialize<List<Entry>>(await File.ReadAllTextAsync(file)) ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    /// <summary>Stops what a previous run left behind; returns the command lines it stopped.</summary>
    public async Task<IReadOnlyList<string>> StopOrphansAsync(TimeSpan grace)
    {
        if (!File.Exists(file))
        {
            return [];
        }

        var orphans = (await ReadEntriesAsync())
            .Where(e => ReadStartTime(e.Pid) == e.StartTime)
            .ToList();
        foreach (var orphan in orphans)
        {
            Posix.Signal(orphan.Pid, orphan.StopSignal);
        }

        var deadline = DateTimeOffset.UtcNow + grace;
        while (orphans.Any(o => ReadStartTime(o.Pid) == o.StartTime) && DateTimeOffset.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        foreach (var orphan in orphans.Where(o => ReadStartTime(o.Pid) == o.StartTime))
        {
            Posix.Signal(orphan.Pid, Posix.SigKill);
        }

        File.Delete(file);
        return orphans.Select(o => o.Command).ToList();
    }

    private void Save()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        // Written aside then renamed, so a kill mid-write never leaves a half file behind.
        File.WriteAllText(file + ".tmp", JsonSerializer.Serialize(entries.Values.ToList()));
        File.Move(file + ".tmp", file, overwrite: true);
    }

    /// <summary>Field 22 of /proc/PID/stat: when the process started, in clock ticks since boot.</summary>
    private static long? ReadStartTime(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var afterName = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return long.Parse(afterName[19], CultureInfo.InvariantCulture);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return null;
        }
    }

    private sealed record Entry(int Pid, long StartTime, int StopSignal, string Command);
}
