using Kite.Core.Executions;

namespace Kite.Worker.Jobs;

/// <summary>
/// <c>Kite:Worker:MaxOutputBytes</c> as a task run meets it: outputs travel in the result message and the task run's row,
/// so past the limit the task run fails with one message that names the limit and says where large results go.
/// </summary>
public static class OutputLimit
{
    public static TaskFailedException Exceeded(string what, int limit) =>
        new($"{what}, over the {limit:N0}-byte limit on a task run's outputs (Kite:Worker:MaxOutputBytes); put large results in a file (outputFiles, storage.Write) and pass its URI");
}
