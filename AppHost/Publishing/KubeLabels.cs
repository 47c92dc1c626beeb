namespace Kite.AppHost.Publishing;

/// <summary>The recommended <c>app.kubernetes.io/*</c> labels every published object carries.</summary>
public static class KubeLabels
{
    public const string Name = "app.kubernetes.io/name";
    public const string Component = "app.kubernetes.io/component";
    public const string Instance = "app.kubernetes.io/instance";
    public const string PartOf = "app.kubernetes.io/part-of";

    public const string Suite = "kite";

    /// <summary>What an object is within the suite: one of the values of <c>app.kubernetes.io/component</c>.</summary>
    public static class Components
    {
        public const string Service = "service";
        public const string Migration = "migration";
        public const string Database = "database";
        public const string MessageBroker = "message-broker";
        public const string Configuration = "configuration";
    }

    public static Dictionary<string, string> For(string name, string component) => new()
    {
        [Name] = name,
        [Component] = component,
        [Instance] = Suite,
        [PartOf] = Suite,
    };

    /// <summary>The labels a selector matches on: stable for the life of a Deployment (selectors are immutable).</summary>
    public static Dictionary<string, string> Selector(string name) => new()
    {
        [Name] = name,
        [Instance] = Suite,
    };
}
