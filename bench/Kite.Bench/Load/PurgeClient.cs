using System.Net.Http.Json;
using System.Text.Json;
using Kite.Bench.Suite;

namespace Kite.Bench.Load;

/// <summary>Starts a PurgeExecutions through the Api (<c>POST /api/v1/purges/executions</c>) and follows it to its end.</summary>
internal sealed class PurgeClient(SuiteSession suite)
{
    public sealed record Progress(string Id, string State, long ExecutionsCount, long LogsCount, long MetricsCount, int Batches, string? Error,
        DateTimeOffset CreatedAt, DateTimeOffset? EndedAt);

    public async Task<string> StartAsync(string @namespace, DateTimeOffset endDate, CancellationToken cancellationToken)
    {
        using var response = await suite.Api.PostAsJsonAsync(
            new Uri("/api/v1/purges/executions", UriKind.Relative), new { @namespace, endDate }, cancellationToken);
        response.EnsureSuccessStatusCode();
        var purge = await response.Content.ReadFromJsonAsync<Progress>(JsonSerializerOptions.Web, cancellationToken);
        return purge!.Id;
    }

    public async Task<Progress> WaitAsync(string id, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var purge = await suite.Api.GetFromJsonAsync<Progress>(new Uri($"/api/v1/purges/{id}", UriKind.Relative), JsonSerializerOptions.Web, cancellationToken);
            if (purge!.EndedAt is not null || DateTime.UtcNow > deadline)
            {
                return purge;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
        }
    }
}
