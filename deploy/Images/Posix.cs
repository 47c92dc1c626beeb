using System.Runtime.InteropServices;

namespace Kite.Images;

/// <summary>The POSIX calls .NET does not expose: changing a file's owner without following links, and who we run as.</summary>
internal static partial class Posix
{
    [LibraryImport("libc", EntryPoint = "lchown", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int LChown(string path, int owner, int group);

    [LibraryImport("libc", EntryPoint = "geteuid")]
    private static partial uint GetEffectiveUserId();

    public static bool IsRoot => GetEffectiveUserId() == 0;

    public static void SetOwner(string path, int owner, int group)
    {
        if (LChown(path, owner, group) != 0)
        {
            throw new IOException($"lchown {path} to {owner}:{group} failed: errno {Marshal.GetLastPInvokeError()}");
        }
    }
}
