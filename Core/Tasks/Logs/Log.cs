using Kite.Core.Validation;

namespace Kite.Core.Tasks.Logs;

/// <summary><c>io.kestra.plugin.core.log.Log</c>: writes one message (or several) to the execution's logs.</summary>
public sealed class Log : RunnableTask
{
    [Required, SingleOrList]
    public List<string> Message { get; set; } = [];

    public LogLevel Level { get; set; } = Tasks.LogLevel.Info;
}
