namespace Kite.AppHost.Publishing;

/// <summary>One generated file of the published tree: a path under the output folder, with forward slashes, and its text.</summary>
public sealed record ManifestFile(string RelativePath, string Content);
