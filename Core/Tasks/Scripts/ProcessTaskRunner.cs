namespace Kite.Core.Tasks.Scripts;

/// <summary><c>io.kestra.plugin.core.runner.Process</c>: runs the script as a local process on the worker.</summary>
public sealed class ProcessTaskRunner : TaskRunner;
