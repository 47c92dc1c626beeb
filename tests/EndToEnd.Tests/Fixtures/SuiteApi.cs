using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Kite.EndToEnd.Tests.Fixtures;

/// <summary>The running suite's Api as a user reaches it: the address and account the dashboard shows, flows and executions.</summary>
public sealed class SuiteApi : IDisposable
{
    private static readonly HashSet<string> Terminal = ["SUCCESS", "WARNING", "FAILED", "KILLED", "CANCELLED", "SKIPPED", "RETRIED"];

    private SuiteApi(HttpClient client) => Client = client;

    public HttpClient Client { get; }

    public static async Task<SuiteApi> ConnectAsync(RunningSuite suite)
    {
        var info = await suite.Dashboard.GetFromJsonAsync<JsonObject>("/api/info");
        var client = new HttpClient { BaseAddress = new Uri((string)info!["api"]!), Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{(string)info["username"]!}:{(string)info["password"]!}")));
        return new SuiteApi(client);
    }

    public static bool IsTerminal(string state) => Terminal.Contains(state);

    public async Task SaveFlowAsync(string yaml)
    {
        using var saved = await Client.PostAsync("/api/v1/flows", new StringContent(yaml, Encoding.UTF8, "application/x-yaml"));
        if (!saved.IsSuccessStatusCode && saved.StatusCode != System.Net.HttpStatusCode.Conflict)
        {
            throw new InvalidOperationException($"saving the flow answered {(int)saved.StatusCode}: {await saved.Content.ReadAsStringAsync()}");
        }
    }

    /// <summary>The new execution's id, or null when the Api refused or could not be reached.</summary>
    public async Task<string?> TryStartAsync(string @namespace, string flowId)
    {
        try
        {
            using var created = await Client.PostAsync($"/api/v1/executions/{@namespace}/{flowId}", null);
            return created.IsSuccessStatusCode ? (string?)JsonNode.Parse(await created.Content.ReadAsStringAsync())!["id"] : null;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return null;
        }
    }

    public async Task<List<string>> StatesAsync(IEnumerable<string> ids)
    {
        var states = new List<string>();
        foreach (var id in ids)
        {
            var execution = await Client.GetFromJsonAsync<JsonObject>($"/api/v1/executions/{id}");
            states.Add((string)execution!["state"]!["current"]!);
        }

        return states;
    }

    /// <summary>Every execution of a flow with its state and end date, read a thousand at a time from the search.</summary>
    public async Task<Dictionary<string, (string State, DateTimeOffset? End)>> EndsAsync(string @namespace, string flowId)
    {
        var ends = new Dictionary<string, (string, DateTimeOffset?)>();
        for (var page = 1; ; page++)
        {
            var found = await Client.GetFromJsonAsync<JsonObject>($"/api/v1/executions/search?namespace={@namespace}&flowId={flowId}&size=1000&page={page}");
            var results = found!["results"]!.AsArray();
            foreach (var execution in results)
            {
                var state = execution!["state"]!;
                ends[(string)execution["id"]!] = ((string)state["current"]!, state["endDate"] is { } end ? end.GetValue<DateTimeOffset>() : null);
            }

            if (results.Count < 1000)
            {
                return ends;
            }
        }
    }

    public static async Task<T> UntilAsync<T>(Func<Task<T?>> probe, string what, TimeSpan? timeout = null) where T : class
    {
        var deadline = DateTimeOffset.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (DateTimeOffset.UtcNow < deadline)
        {
            try
            {
                if (await probe() is { } value)
                {
                    return value;
                }
            }
            catch (HttpRequestException)
            {
                // The Api is restarting or its database is: ask again.
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"Timed out waiting until {what}");
    }

    public static Task<string> UntilAsync(Func<Task<bool>> probe, string what, TimeSpan? timeout = null) =>
        UntilAsync(async () => await probe() ? "yes" : null, what, timeout);

    public void Dispose() => Client.Dispose();
}
