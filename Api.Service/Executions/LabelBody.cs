namespace Kite.Api.Executions;

/// <summary>A label as Kestra's JSON writes it.</summary>
public sealed record LabelBody(string Key, string Value);
