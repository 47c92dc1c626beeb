namespace Kite.AppHost.Publishing;

/// <summary>One entry of a kustomization's <c>patches</c>: a strategic-merge patch file beside it.</summary>
public sealed record KustomizePatch(string Path);
