namespace Kite.Core.Tasks;

/// <summary>Where a task is carried out: on a worker, or resolved inside the executor.</summary>
public enum TaskKind
{
    /// <summary>Runs on a worker (Log, Sleep, http.Request...).</summary>
    Runnable,

    /// <summary>Decides what runs next, in the executor (If, ForEach, Dag...).</summary>
    Flowable,

    /// <summary>Changes the execution itself, in the executor (Labels, SetVariables, Exit).</summary>
    ExecutionUpdating,

    /// <summary>Creates child executions, in the executor (Subflow).</summary>
    Executable,
}
