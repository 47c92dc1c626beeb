namespace Kite.Core.Flows.Reading;

/// <summary>Paths into a flow's YAML as violations show them: <c>tasks[2].then[0].type</c>. A long key is shortened.</summary>
internal static class YamlPath
{
    public static string Child(string path, string key) => path.Length == 0 ? TextExcerpt.Of(key) : $"{path}.{TextExcerpt.Of(key)}";
}
