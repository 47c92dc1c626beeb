using System.Security.Cryptography;

namespace Kite.Hosting;

/// <summary>A random password generated once and kept in a file readable only by its owner, as Aspire's generated parameters are.</summary>
public static class GeneratedSecret
{
    public static string ReadOrCreate(string file)
    {
        if (!File.Exists(file))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllText(file, Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant());
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return File.ReadAllText(file).Trim();
    }
}
