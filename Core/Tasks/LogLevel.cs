namespace Kite.Core.Tasks;

public enum LogLevel
{
    Trace,
    Debug,
    Info,
    Warn,
    Error,
}
