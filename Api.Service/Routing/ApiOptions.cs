namespace Kite.Api.Routing;

/// <summary>Limits of the Api, from the <c>Api</c> configuration section.</summary>
public sealed class ApiOptions
{
    /// <summary>The largest flow source accepted, in bytes.</summary>
    public int MaxFlowBytes { get; set; } = 512 * 1024;

    /// <summary>The largest body of any other request (inputs as JSON or a form), in bytes.</summary>
    public int MaxBodyBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>The largest multipart body of a new or resumed execution (its FILE inputs' uploads and every other field), in bytes.</summary>
    public long MaxUploadBytes { get; set; } = 100L * 1024 * 1024;

    /// <summary>The most inputs one execution may be given.</summary>
    public int MaxInputs { get; set; } = 100;

    /// <summary>How many undelivered changes one live client (SSE) may fall behind before it is disconnected.</summary>
    public int LiveClientBuffer { get; set; } = 64;

    /// <summary>How long a follower waits without any notification before it reads the execution anyway.</summary>
    public int FollowRecheckSeconds { get; set; } = 30;

    /// <summary>How long the replica keeps listening to execution changes after its last follower left.</summary>
    public int LiveIdleSeconds { get; set; } = 60;
}
