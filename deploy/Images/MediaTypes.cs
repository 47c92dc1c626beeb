namespace Kite.Images;

/// <summary>
/// The Docker image manifest v2 schema 2 media types. Images written with them are read by every engine (Docker of
/// any age, Podman, containerd for kind), and the SDK keeps a base image's format, so it writes `docker load` archives.
/// </summary>
public static class MediaTypes
{
    public const string Manifest = "application/vnd.docker.distribution.manifest.v2+json";
    public const string Config = "application/vnd.docker.container.image.v1+json";
    public const string Layer = "application/vnd.docker.image.rootfs.diff.tar.gzip";
    public const string OciIndex = "application/vnd.oci.image.index.v1+json";
}
