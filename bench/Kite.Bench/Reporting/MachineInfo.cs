using System.Diagnostics;
using System.Globalization;

namespace Kite.Bench.Reporting;

/// <summary>The machine a report was measured on, read from /proc, and the commit from git.</summary>
internal sealed record MachineInfo(int Cores, double MemoryGb, string Cpu, string Os, string Commit, DateTimeOffset Date)
{
    public static MachineInfo Read(string repository) => new(
        Environment.ProcessorCount,
        Math.Round(MemTotalKb() / 1024.0 / 1024.0, 1),
        File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown",
        System.Runtime.InteropServices.RuntimeInformation.OSDescription,
        ReadCommit(repository),
        DateTimeOffset.UtcNow);

    private static long MemTotalKb() =>
        File.ReadLines("/proc/meminfo")
            .Where(l => l.StartsWith("MemTotal:", StringComparison.Ordinal))
            .Select(l => long.Parse(l[9..].Trim().Split(' ')[0], CultureInfo.InvariantCulture))
            .FirstOrDefault();

    /// <summary>The short commit hash, with "+changes" when the work tree differs from it.</summary>
    public static string ReadCommit(string repository)
    {
        var hash = Git(repository, "rev-parse --short HEAD") ?? "unknown";
        return string.IsNullOrWhiteSpace(Git(repository, "status --porcelain --untracked-files=no")) ? hash : hash + "+changes";
    }

    private static string? Git(string repository, string arguments)
    {
        try
        {
            using var git = Process.Start(new ProcessStartInfo("git", $"-C \"{repository}\" {arguments}") { RedirectStandardOutput = true });
            var output = git?.StandardOutput.ReadToEnd().Trim();
            git?.WaitForExit();
            return output;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
