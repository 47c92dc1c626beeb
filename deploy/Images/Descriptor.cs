using System.Text.Json.Nodes;

namespace Kite.Images;

/// <summary>A content-addressed blob as a manifest names it: media type, <c>sha256:</c> digest, size in bytes.</summary>
public sealed record Descriptor(string MediaType, string Digest, long Size)
{
    public JsonObject ToJson() => new() { ["mediaType"] = MediaType, ["digest"] = Digest, ["size"] = Size };
}
