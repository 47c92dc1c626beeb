using Kite.Core.Validation;

namespace Kite.Core.Tasks.Http;

/// <summary>The properties shared by the HTTP tasks and the HTTP trigger.</summary>
public abstract class HttpCall : RunnableTask
{
    [Required]
    public string Uri { get; set; } = "";

    public string Method { get; set; } = "GET";

    public object? Body { get; set; }

    public Dictionary<string, object?>? FormData { get; set; }

    public string? ContentType { get; set; }

    public Dictionary<string, object?>? Headers { get; set; }

    public Dictionary<string, object?>? Params { get; set; }

    public Dictionary<string, object?>? Options { get; set; }

    public Dictionary<string, object?>? SslOptions { get; set; }

    public bool EncryptBody { get; set; }
}
