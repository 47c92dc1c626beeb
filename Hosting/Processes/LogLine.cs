namespace Kite.Hosting.Processes;

/// <summary>One line a child process wrote, stamped when it was read.</summary>
public sealed record LogLine(DateTimeOffset Timestamp, string Text, bool IsError);
