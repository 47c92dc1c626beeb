using System.Diagnostics;

namespace Kite.Hosting.Processes;

/// <summary>
/// A process we started: its output read line by line, its exit observed, and a stop that asks first
/// (the spec's signal) and kills the whole tree only when the grace period is over.
/// </summary>
public sealed class ChildProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly TaskCompletionSource<int> exited = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ChildProcess(Process process, ChildProcessSpec spec)
    {
        this.process = process;
        Spec = spec;
        Id = process.Id;
        StartedAt = DateTimeOffset.UtcNow;
    }

    public ChildProcessSpec Spec { get; }
    public int Id { get; }
    public DateTimeOffset StartedAt { get; }
    public Task<int> Exited => exited.Task;
    public bool HasExited => exited.Task.IsCompleted;

    public static ChildProcess Start(ChildProcessSpec spec, Action<LogLine>? output = null)
    {
        var info = new ProcessStartInfo
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = spec.WorkingDirectory ?? System.Environment.CurrentDirectory,
        };
        var command = CommandLine(spec);
        info.FileName = command[0];
        foreach (var argument in command.Skip(1))
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in spec.Environment)
        {
            if (value is null)
            {
                info.Environment.Remove(key);
            }
            else
            {
                info.Environment[key] = value;
            }
        }

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => Forward(e.Data, isError: false);
        process.ErrorDataReceived += (_, e) => Forward(e.Data, isError: true);
        if (!process.Start())
        {
            throw new InvalidOperationException($"Could not start {spec}");
        }

        var child = new ChildProcess(process, spec);
        process.Exited += (_, _) => child.OnExited();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (process.HasExited)
        {
            child.OnExited();
        }

        return child;

        void Forward(string? line, bool isError)
        {
            if (line is not null)
            {
                output?.Invoke(new LogLine(DateTimeOffset.UtcNow, line, isError));
            }
        }
    }

    /// <summary>Asks the process to stop with its signal, then kills its tree if it is still there after <paramref name="grace"/>.</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        if (HasExited)
        {
            return;
        }

        Posix.Signal(Id, (int)Spec.StopSignal);
        var finished = await Task.WhenAny(Exited, Task.Delay(grace));
        if (finished != Exited)
        {
            Kill();
            await Exited.WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
        }
    }

    public void Kill()
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(TimeSpan.FromSeconds(10));
        process.Dispose();
    }

    private void OnExited()
    {
        // WaitForExit() drains the output readers before the exit is reported.
        process.WaitForExit();
        exited.TrySetResult(process.ExitCode);
    }

    private static List<string> CommandLine(ChildProcessSpec spec)
    {
        var command = new List<string>();
        if (spec.OwnSession && OperatingSystem.IsLinux() && Executables.Find("setsid") is { } setsid)
        {
            command.Add(setsid);
        }

        if (spec.RunAsUser is { } user && Posix.IsRoot)
        {
            var setpriv = Executables.Find("setpriv")
                ?? throw new MissingPrerequisiteException("setpriv is missing: install it with `apt-get install -y util-linux`.");
            command.AddRange([setpriv, $"--reuid={user}", $"--regid={user}", "--init-groups", "--"]);
        }

        command.Add(spec.FileName);
        command.AddRange(spec.Arguments);
        return command;
    }
}
