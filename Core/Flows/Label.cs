namespace Kite.Core.Flows;

/// <summary>A label, written in YAML either as a map entry or as <c>{key, value}</c>.</summary>
public sealed record Label(string Key, string Value);
