namespace Kite.EndToEnd.Tests.Fixtures;

/// <summary>A row of the AppHost's <c>GET /api/resources</c>, as a client reads it.</summary>
public sealed record ResourceRow(
    string Id,
    string Name,
    string Kind,
    string State,
    string Health,
    int? Pid,
    int Restarts,
    IReadOnlyList<string> Urls)
{
    public bool IsUp => State == "Finished" || (State == "Running" && Health == "Healthy");
}
