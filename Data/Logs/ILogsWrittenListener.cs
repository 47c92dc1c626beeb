namespace Kite.Data.Logs;

/// <summary>Told after each committed batch of log lines which executions it had lines for (Data knows no bus; the host supplies one).</summary>
public interface ILogsWrittenListener
{
    Task WrittenAsync(IReadOnlyList<string> executionIds, CancellationToken cancellationToken);
}
