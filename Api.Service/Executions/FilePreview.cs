namespace Kite.Api.Executions;

/// <summary>
/// Kestra's <c>FileRender</c> for a text file: its first <see cref="MaxLine"/> lines as <see cref="Content"/>, and
/// whether more was left out. <see cref="Type"/> is <c>TEXT</c>, or <c>MARKDOWN</c> for <c>.md</c>.
/// </summary>
public sealed record FilePreview(string Extension, string Type, string Content, int MaxLine, bool Truncated);
