namespace Kite.Engine.Tests.Fixtures;

public sealed record TaskRunView(string Id, string TaskId, string State, string? Value, string? Outputs, string? Attempts);
