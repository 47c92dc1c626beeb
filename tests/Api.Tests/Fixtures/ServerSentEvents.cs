using System.Text.Json.Nodes;

namespace Kite.Api.Tests.Fixtures;

/// <summary>Reads a <c>text/event-stream</c> answer to its end: each event's id and JSON data.</summary>
public static class ServerSentEvents
{
    public static async Task<List<(string? Id, JsonNode Data)>> ReadToEndAsync(HttpClient client, string path, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), HttpCompletionOption.ResponseHeadersRead, cancel.Token);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancel.Token));
        var events = new List<(string?, JsonNode)>();
        string? id = null;
        var data = new List<string>();
        while (await reader.ReadLineAsync(cancel.Token) is { } line)
        {
            if (line.Length == 0)
            {
                if (data.Count > 0)
                {
                    events.Add((id, JsonNode.Parse(string.Join('\n', data))!));
                }

                (id, data) = (null, []);
            }
            else if (line.StartsWith("id: ", StringComparison.Ordinal))
            {
                id = line[4..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                data.Add(line[6..]);
            }
        }

        return events;
    }
}
