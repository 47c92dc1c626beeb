using System.Globalization;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Options;

namespace Kite.Purge.Pacing;

/// <summary>
/// Lowers Purge.Service's CPU priority on Linux to <see cref="PacingOptions.Nice"/>, so that on a machine it shares
/// with the engine the scheduler gives the engine's processes the CPU first. Linux keeps a nice value per thread, so
/// every thread running at start is lowered; the threads they start later inherit it.
/// </summary>
public sealed class ProcessPriority(IOptions<PacingOptions> options, ILogger<ProcessPriority> logger) : IHostedService
{
    private const int PrioProcess = 0;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var nice = options.Value.Nice;
        if (nice <= 0 || !OperatingSystem.IsLinux())
        {
            return Task.CompletedTask;
        }

        var lowered = 0;
        foreach (var task in Directory.EnumerateDirectories("/proc/self/task"))
        {
            if (int.TryParse(Path.GetFileName(task), NumberStyles.None, CultureInfo.InvariantCulture, out var thread) && SetPriority(PrioProcess, thread, nice) == 0)
            {
                lowered++;
            }
        }

        logger.LogInformation("Purge.Service runs at nice {Nice} ({Threads} thread(s) lowered)", nice, lowered);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [DllImport("libc", EntryPoint = "setpriority", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int SetPriority(int which, int who, int priority);
}
