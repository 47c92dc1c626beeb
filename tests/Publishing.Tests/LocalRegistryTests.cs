using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Kite.Images;

namespace Kite.Publishing.Tests;

/// <summary>The pull side of the registry API that the SDK's container build uses, over a layout made in the test.</summary>
public sealed class LocalRegistryTests : IAsyncLifetime
{
    private readonly string layouts = Path.Combine(Path.GetTempPath(), $"kite-registry-{Guid.NewGuid():N}", "layouts");
    private readonly HttpClient http = new();
    private LocalRegistry registry = null!;
    private Descriptor manifest = null!;

    public async Task InitializeAsync()
    {
        manifest = TestBaseImage.WriteTo(layouts);
        registry = await LocalRegistry.StartAsync(layouts);
        http.BaseAddress = new Uri($"http://{registry.Address}/v2/");
    }

    public async Task DisposeAsync()
    {
        await registry.DisposeAsync();
        http.Dispose();
        Directory.Delete(Path.GetDirectoryName(layouts)!, recursive: true);
    }

    [Fact]
    public async Task The_version_check_answers_as_a_v2_registry_on_localhost()
    {
        Assert.StartsWith("localhost:", registry.Address, StringComparison.Ordinal);
        using var response = await http.GetAsync("");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("registry/2.0", response.Headers.GetValues("Docker-Distribution-API-Version").Single());
    }

    [Fact]
    public async Task A_manifest_by_tag_and_by_digest_has_its_media_type_digest_and_length()
    {
        foreach (var reference in new[] { TestBaseImage.Tag, manifest.Digest })
        {
            using var head = await http.SendAsync(new HttpRequestMessage(HttpMethod.Head, $"{TestBaseImage.Repository}/manifests/{reference}"));
            using var get = await http.GetAsync($"{TestBaseImage.Repository}/manifests/{reference}");
            var body = await get.Content.ReadAsByteArrayAsync();

            Assert.Equal(HttpStatusCode.OK, head.StatusCode);
            Assert.Equal(MediaTypes.Manifest, head.Content.Headers.ContentType?.MediaType);
            Assert.Equal(manifest.Size, head.Content.Headers.ContentLength);
            Assert.Equal(manifest.Digest, head.Headers.GetValues("Docker-Content-Digest").Single());
            Assert.Equal(MediaTypes.Manifest, get.Content.Headers.ContentType?.MediaType);
            Assert.Equal(manifest.Digest, $"sha256:{Convert.ToHexStringLower(SHA256.HashData(body))}");
        }
    }

    [Fact]
    public async Task Every_blob_the_manifest_names_is_served_with_the_content_of_its_digest()
    {
        var document = JsonNode.Parse(await http.GetStringAsync($"{TestBaseImage.Repository}/manifests/{TestBaseImage.Tag}"))!;
        var digests = document["layers"]!.AsArray().Select(l => l!["digest"]!.GetValue<string>()).Append(document["config"]!["digest"]!.GetValue<string>()).ToList();

        Assert.Equal(2, digests.Count);
        foreach (var digest in digests)
        {
            var blob = await http.GetByteArrayAsync($"{TestBaseImage.Repository}/blobs/{digest}");
            Assert.Equal(digest, $"sha256:{Convert.ToHexStringLower(SHA256.HashData(blob))}");
        }
    }

    [Theory]
    [InlineData("kite/test-base/manifests/2", "MANIFEST_UNKNOWN")]
    [InlineData("kite/other/manifests/1", "NAME_UNKNOWN")]
    [InlineData("kite/test-base/blobs/sha256:0000000000000000000000000000000000000000000000000000000000000000", "BLOB_UNKNOWN")]
    [InlineData("kite/test-base/blobs/index.json", "BLOB_UNKNOWN")]
    public async Task What_the_layouts_do_not_hold_is_404_with_a_registry_error_code(string path, string code)
    {
        using var response = await http.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(code, JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]![0]!["code"]!.GetValue<string>());
    }
}
