using System.Diagnostics;

namespace Kite.Publishing.Tests;

public static class Tools
{
    /// <summary>Runs a command to its end (at most 2 minutes unless told) and returns its exit code and standard output (or error when it failed).</summary>
    public static (int Code, string Output) Run(string file, IEnumerable<string> arguments, string workingDirectory, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workingDirectory };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout ?? TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            return (-1, $"{file} timed out");
        }

        return (process.ExitCode, process.ExitCode == 0 ? stdout.Result : stderr.Result + stdout.Result);
    }
}
