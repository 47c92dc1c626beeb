using System.Runtime.InteropServices;

namespace Kite.Hosting.Processes;

/// <summary>The few POSIX calls .NET does not expose: sending a chosen signal, and who we run as.</summary>
internal static partial class Posix
{
    public const int SigKill = 9;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);

    [LibraryImport("libc", EntryPoint = "geteuid")]
    private static partial uint GetEffectiveUserId();

    public static bool IsRoot => OperatingSystem.IsLinux() && GetEffectiveUserId() == 0;

    public static bool Signal(int pid, int signal) => Kill(pid, signal) == 0;
}
