using System.Text.Json.Nodes;
using Kite.Core.Flows;
using YamlDotNet.RepresentationModel;

namespace Kite.Api.Flows;

/// <summary>A flow in Kestra's JSON shape: its YAML as JSON, labels as <c>[{key, value}]</c>, and the server's fields.</summary>
public static class FlowJson
{
    /// <summary>The JSON kept in <c>flows.model</c>: everything but the server-managed revision, deleted flag and source.</summary>
    public static JsonObject Model(string source, Flow flow)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(source));
        var json = YamlJson.ToJson(stream.Documents[0].RootNode) as JsonObject ?? [];
        if (flow.Labels is { } labels)
        {
            json["labels"] = new JsonArray([.. labels.Select(l => new JsonObject { ["key"] = l.Key, ["value"] = l.Value })]);
        }

        json.Remove("revision");
        json.Remove("deleted");
        json["disabled"] = flow.Disabled;
        return json;
    }

    public static JsonObject Response(StoredFlow flow, bool withSource)
    {
        var model = JsonNode.Parse(flow.Model) as JsonObject ?? [];
        var json = new JsonObject
        {
            ["id"] = flow.Id,
            ["namespace"] = flow.Namespace,
            ["revision"] = flow.Revision,
        };
        foreach (var (key, value) in model.Where(p => p.Key is not ("id" or "namespace")).ToList())
        {
            json[key] = value?.DeepClone();
        }

        json["deleted"] = flow.Deleted;
        json["updated"] = flow.UpdatedAt;
        if (withSource)
        {
            json["source"] = flow.Source;
        }

        return json;
    }

    public static bool IsDisabled(StoredFlow flow) =>
        JsonNode.Parse(flow.Model) is JsonObject model && model["disabled"]?.GetValue<bool>() == true;
}
