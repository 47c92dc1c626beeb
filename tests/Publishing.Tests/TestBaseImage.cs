using Kite.Images;

namespace Kite.Publishing.Tests;

/// <summary>
/// A base image small enough to build in a test: a layer with only <c>/etc/passwd</c>, <c>/etc/group</c> (the user
/// app, uid 1654, as in Microsoft's .NET images) and <c>/tmp</c>, in an OCI layout under <c>kite/test-base</c>. The
/// SDK never looks inside a base image's layers, so this is enough for it to build on; the real base image
/// (scripts/build-images.sh) adds Debian and the runtime.
/// </summary>
public static class TestBaseImage
{
    public const string Repository = "kite/test-base";
    public const string Tag = "1";

    public static readonly string[] Environment = ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "APP_UID=1654", "ASPNETCORE_HTTP_PORTS=8080"];

    /// <summary>Writes the image into <c>&lt;layouts&gt;/kite/test-base</c> and returns its manifest.</summary>
    public static Descriptor WriteTo(string layouts)
    {
        var rootfs = Path.Combine(layouts, "..", $"test-base-rootfs-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path.Combine(rootfs, "etc"));
        Directory.CreateDirectory(Path.Combine(rootfs, "tmp"));
        File.WriteAllText(Path.Combine(rootfs, "etc", "passwd"), "root:x:0:0:root:/root:/bin/sh\napp:x:1654:1654::/home/app:/bin/sh\n");
        File.WriteAllText(Path.Combine(rootfs, "etc", "group"), "root:x:0:\napp:x:1654:\n");
        try
        {
            return new BaseImage(rootfs, Environment, User: null, CreatedBy: "Publishing.Tests").WriteTo(OciLayout.Create(Path.Combine(layouts, Repository)), Tag);
        }
        finally
        {
            Directory.Delete(rootfs, recursive: true);
        }
    }
}
