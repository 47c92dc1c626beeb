namespace Kite.Data.Purges;

/// <summary>An execution to purge, with what its stored files are filed under.</summary>
public sealed record ExecutionKey(string Id, string Namespace, string FlowId);
