namespace Kite.Core.Executions;

/// <summary>A task could not run as written (a variable to unset is missing, an existing one must not be overwritten...).</summary>
public sealed class TaskFailedException(string message) : Exception(message);
