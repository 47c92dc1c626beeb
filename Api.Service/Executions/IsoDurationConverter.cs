using System.Text.Json;
using System.Text.Json.Serialization;
using System.Xml;

namespace Kite.Api.Executions;

/// <summary>Durations as Kestra writes them, ISO-8601 (<c>PT1M30S</c>), not .NET's <c>00:01:30</c>.</summary>
public sealed class IsoDurationConverter : JsonConverter<TimeSpan>
{
    public override TimeSpan Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        XmlConvert.ToTimeSpan(reader.GetString() ?? "PT0S");

    public override void Write(Utf8JsonWriter writer, TimeSpan value, JsonSerializerOptions options) =>
        writer.WriteStringValue(XmlConvert.ToString(value));
}
