namespace Kite.AppHost.Orchestration;

/// <summary>1 s, 2 s, 4 s ... up to 30 s between restarts; a replica that ran a minute starts again at 1 s.</summary>
public sealed class RestartBackoff
{
    private static readonly TimeSpan Max = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan StableAfter = TimeSpan.FromMinutes(1);
    private int consecutive;

    public TimeSpan Next(TimeSpan ranFor)
    {
        consecutive = ranFor >= StableAfter ? 1 : consecutive + 1;
        var seconds = Math.Pow(2, Math.Min(consecutive - 1, 5));
        return TimeSpan.FromSeconds(Math.Min(seconds, Max.TotalSeconds));
    }
}
