namespace Kite.Core.Tasks.Http;

/// <summary><c>io.kestra.plugin.core.http.Request</c>: one HTTP call; outputs uri, code, headers, body.</summary>
public sealed class Request : HttpCall;
