using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Kite.Worker.Scripts;

/// <summary>
/// Runs a script's command as a local process in its own session (<c>setsid</c>), so that a timeout, a kill, or the
/// end of the script stops every process it started, background ones included: the whole group is sent SIGKILL.
/// Stdout and stderr are read a line at a time (a long line in pieces) as they come; stdin is closed at once.
/// </summary>
public static partial class ScriptProcess
{
    private const int SigKill = 9;
    private static readonly string? Setsid = new[] { "/usr/bin/setsid", "/bin/setsid" }.FirstOrDefault(File.Exists);

    /// <summary>Runs to the end and returns the exit code; throws <see cref="OperationCanceledException"/> once the group is killed.</summary>
    public static async Task<int> RunAsync(
        IReadOnlyList<string> command,
        string workingDirectory,
        IReadOnlyDictionary<string, string> environment,
        Func<ScriptLine, Task> onLine,
        CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo
        {
            FileName = Setsid ?? command[0],
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in Setsid is null ? command.Skip(1) : command)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment.Clear();
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{command[0]} did not start");
        process.StandardInput.Close();
        var oneLineAtATime = new SemaphoreSlim(1, 1);
        async Task PumpAsync(Stream stream, bool isStdErr)
        {
            using var reader = new LineReader(stream);
            while (await reader.ReadLineAsync(CancellationToken.None) is { } line)
            {
                await oneLineAtATime.WaitAsync(CancellationToken.None);
                try
                {
                    await onLine(new ScriptLine(line, isStdErr, reader.Continues));
                }
                finally
                {
                    oneLineAtATime.Release();
                }
            }
        }

        var pumps = Task.WhenAll(PumpAsync(process.StandardOutput.BaseStream, false), PumpAsync(process.StandardError.BaseStream, true));
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        finally
        {
            // On a timeout or a kill, and after a normal end too: what the script left running in the background goes.
            KillGroup(process);
        }

        await pumps;
        cancellationToken.ThrowIfCancellationRequested();
        return process.ExitCode;
    }

    private static void KillGroup(Process process)
    {
        if (Setsid is not null)
        {
            // With setsid the script is the leader of its own group: -pid names the group.
            _ = Kill(-process.Id, SigKill);
            return;
        }

        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Kill(int pid, int signal);
}
