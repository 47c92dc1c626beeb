using System.Globalization;

namespace Kite.EndToEnd.Tests.Fixtures;

/// <summary>
/// A file that a flow's shell tasks append to, one line per run (<c>task-run-id worker-pid</c>), so a test can count
/// which task runs ran more than once and on which worker each run happened.
/// </summary>
public sealed class RunLedger : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("kite-ledger-").FullName;

    public string Path => System.IO.Path.Combine(directory, "runs.txt");

    /// <summary>The shell line that records the run; the script's parent process is the worker that runs it.</summary>
    public string RecordCommand => $"echo \"{{{{ taskrun.id }}}} $PPID\" >> {Path}";

    /// <summary>Every run in the order they started.</summary>
    public IReadOnlyList<(string TaskRunId, int WorkerPid)> Runs()
    {
        if (!File.Exists(Path))
        {
            return [];
        }

        return File.ReadAllLines(Path)
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(fields => fields.Length == 2)
            .Select(fields => (fields[0], int.Parse(fields[1], CultureInfo.InvariantCulture)))
            .ToList();
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);
}
