namespace Kite.Hosting;

/// <summary>A binary Kite needs is not installed. The message is one line saying what to install.</summary>
public sealed class MissingPrerequisiteException(string message) : Exception(message);
