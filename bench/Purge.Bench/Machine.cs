using System.Diagnostics;

namespace Kite.Purge.Bench;

/// <summary>What a result was measured on: cores, CPU model, memory, PostgreSQL, commit and date.</summary>
public static class Machine
{
    public static string Describe(string postgresVersion)
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        var memory = File.Exists("/proc/meminfo")
            ? File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        return $"""
            - Machine: {Environment.ProcessorCount} cores, {cpu ?? "unknown CPU"}, {memory ?? "unknown memory"} (shared with other builds while measured)
            - {postgresVersion}, started by the Hosting project with its durable settings (fsync on)
            - .NET {Environment.Version}, commit {Git("rev-parse --short HEAD")}, {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC
            """;
    }

    private static string Git(string arguments)
    {
        try
        {
            using var git = Process.Start(new ProcessStartInfo("git", arguments) { RedirectStandardOutput = true, WorkingDirectory = RepositoryRoot.Find() })!;
            var output = git.StandardOutput.ReadToEnd().Trim();
            git.WaitForExit();
            return output;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "unknown";
        }
    }
}
