namespace Kite.Hosting.Processes;

/// <summary>The signal that asks a program for its graceful shutdown (PostgreSQL's fast shutdown is SIGINT).</summary>
public enum StopSignal
{
    Terminate = 15,
    Interrupt = 2,
}
