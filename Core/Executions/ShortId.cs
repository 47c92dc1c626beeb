using System.Security.Cryptography;

namespace Kite.Core.Executions;

/// <summary>Kestra-style ids: 22 random base-62 characters (about 131 bits), short enough for URLs and logs.</summary>
public static class ShortId
{
    private const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    public static string New()
    {
        Span<char> id = stackalloc char[22];
        Span<byte> random = stackalloc byte[22];
        RandomNumberGenerator.Fill(random);
        for (var i = 0; i < id.Length; i++)
        {
            id[i] = Alphabet[random[i] % Alphabet.Length];
        }

        return new string(id);
    }
}
