namespace Kite.Hosting.Processes;

/// <summary>What to run, with what environment, and how to ask it to stop.</summary>
public sealed record ChildProcessSpec(string FileName, IReadOnlyList<string> Arguments)
{
    public IReadOnlyDictionary<string, string?> Environment { get; init; } = new Dictionary<string, string?>();
    public string? WorkingDirectory { get; init; }
    public StopSignal StopSignal { get; init; } = StopSignal.Terminate;

    /// <summary>Run as this account when we are root (PostgreSQL refuses to run as root).</summary>
    public string? RunAsUser { get; init; }

    /// <summary>
    /// Start in a session of its own, so a Ctrl+C in the terminal reaches only the AppHost, which then stops
    /// everything in dependency order instead of all at once.
    /// </summary>
    public bool OwnSession { get; init; } = true;

    public override string ToString() => string.Join(' ', Arguments.Prepend(FileName));
}
