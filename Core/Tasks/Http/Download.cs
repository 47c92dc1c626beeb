namespace Kite.Core.Tasks.Http;

/// <summary><c>io.kestra.plugin.core.http.Download</c>: stores a response body in internal storage; outputs uri, code, length, headers.</summary>
public sealed class Download : HttpCall
{
    public bool FailOnEmptyResponse { get; set; } = true;
}
