namespace Kite.Api.Executions;

/// <summary>Kestra's <c>FileMetas</c>: a stored file's size in bytes.</summary>
public sealed record FileMetas(long Size);
