using Kite.Core.Flows;
using Kite.Core.Validation;

namespace Kite.Core.Triggers;

/// <summary><c>io.kestra.plugin.core.http.Trigger</c>: polls a URL and starts an execution when the response matches.</summary>
public sealed class HttpTrigger : Trigger
{
    [Required]
    public string Uri { get; set; } = "";

    public string? Method { get; set; }

    public object? Body { get; set; }

    public Dictionary<string, object?>? FormData { get; set; }

    public string? ContentType { get; set; }

    public Dictionary<string, object?>? Headers { get; set; }

    public Dictionary<string, object?>? Params { get; set; }

    public Dictionary<string, object?>? Options { get; set; }

    public Dictionary<string, object?>? SslOptions { get; set; }

    public bool EncryptBody { get; set; }

    /// <summary>Rendered after each call; an execution starts when it renders true. Kestra's default checks for a 200 status.</summary>
    public string? ResponseCondition { get; set; }

    [Duration]
    public string? Interval { get; set; }

    public Property<bool>? FailOnError { get; set; }

    public Dictionary<string, object?>? Inputs { get; set; }
}
