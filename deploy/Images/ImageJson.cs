using System.Text.Encodings.Web;
using System.Text.Json;

namespace Kite.Images;

/// <summary>How image JSON is written: media types keep their <c>+</c> (<c>manifest.v2+json</c>) instead of <c>\u002B</c>.</summary>
internal static class ImageJson
{
    public static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
