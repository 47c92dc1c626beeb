using Kite.Core.Expressions;

namespace Kite.Core.Secrets;

/// <summary>
/// The variables a render sees, with the SECRET inputs decrypted: the execution and the messages that carry its
/// variables hold only cipher text, and each plain value is added to the mask of what the render writes.
/// </summary>
public static class RevealedInputs
{
    /// <summary>Throws <see cref="ExpressionException"/> naming the input when it cannot be decrypted here.</summary>
    public static IReadOnlyDictionary<string, object?> Of(IReadOnlyDictionary<string, object?> variables, SecretCipher? cipher, SecretMask mask)
    {
        if (variables.GetValueOrDefault("inputs") is not IReadOnlyDictionary<string, object?> inputs
            || !inputs.Values.Any(v => EncryptedValue.TryRead(v, out _)))
        {
            return variables;
        }

        var revealed = new Dictionary<string, object?>(inputs.Count, StringComparer.Ordinal);
        foreach (var (id, value) in inputs)
        {
            revealed[id] = EncryptedValue.TryRead(value, out var cipherText) ? Decrypt(id, cipherText, cipher, mask) : value;
        }

        return new Dictionary<string, object?>(variables, StringComparer.Ordinal) { ["inputs"] = revealed };
    }

    private static string Decrypt(string id, string cipherText, SecretCipher? cipher, SecretMask mask)
    {
        if (cipher is null)
        {
            throw new ExpressionException($"input '{id}' is a SECRET, and this service has no Kite:Encryption:SecretKey to decrypt it");
        }

        string plain;
        try
        {
            plain = cipher.Decrypt(cipherText);
        }
        catch (FormatException e)
        {
            throw new ExpressionException($"input '{id}' cannot be decrypted: {e.Message}");
        }

        mask.Add(plain);
        return plain;
    }
}
