namespace Kite.Core.Flows.Reading;

/// <summary>Paths into a flow's YAML as violations show them: <c>tasks[2].then[0].type</c>.</summary>
internal static class YamlPath
{
    public static string Child(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";
}
