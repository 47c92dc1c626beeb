using System.Security.Cryptography;
using System.Text;

namespace Kite.Core.Secrets;

/// <summary>
/// Encrypts the values of SECRET inputs (AES-256-GCM) with the key every service is given as
/// <c>Kite:Encryption:SecretKey</c>, so that an execution stores and shows only the cipher text. The text is
/// base64 of nonce, cipher text and tag; a changed byte or another key is refused, never decrypted to garbage.
/// </summary>
public sealed class SecretCipher
{
    public const int ShortestKey = 32;
    private const int NonceSize = 12;
    private const int TagSize = 16;

    private readonly byte[] key;

    /// <param name="secretKey">At least <see cref="ShortestKey"/> characters; the AES key is its SHA-256.</param>
    public SecretCipher(string secretKey)
    {
        if (secretKey.Length < ShortestKey)
        {
            throw new ArgumentException($"Kite:Encryption:SecretKey has {secretKey.Length} characters; give at least {ShortestKey}", nameof(secretKey));
        }

        key = SHA256.HashData(Encoding.UTF8.GetBytes(secretKey));
    }

    public string Encrypt(string plain)
    {
        var text = Encoding.UTF8.GetBytes(plain);
        var sealedText = new byte[NonceSize + text.Length + TagSize];
        var nonce = sealedText.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagSize);
        aes.Encrypt(nonce, text, sealedText.AsSpan(NonceSize, text.Length), sealedText.AsSpan(NonceSize + text.Length));
        return Convert.ToBase64String(sealedText);
    }

    /// <summary>Throws <see cref="FormatException"/> when the text is not one this key sealed.</summary>
    public string Decrypt(string cipherText)
    {
        var bytes = new byte[cipherText.Length];
        if (!Convert.TryFromBase64String(cipherText, bytes, out var length) || length < NonceSize + TagSize)
        {
            throw new FormatException("the encrypted value is not base64 of an AES-GCM sealed text");
        }

        var sealedText = bytes.AsSpan(0, length);
        var plain = new byte[length - NonceSize - TagSize];
        try
        {
            using var aes = new AesGcm(key, TagSize);
            aes.Decrypt(sealedText[..NonceSize], sealedText[NonceSize..^TagSize], sealedText[^TagSize..], plain);
        }
        catch (AuthenticationTagMismatchException)
        {
            throw new FormatException("the encrypted value was sealed with another Kite:Encryption:SecretKey, or changed since");
        }

        return Encoding.UTF8.GetString(plain);
    }
}
