namespace Kite.Core.Secrets;

/// <summary>
/// How an encrypted value is stored in an execution's inputs, in Kestra's shape:
/// <c>{"type": "io.kestra.datatype:aes_encrypted", "value": "&lt;cipher text&gt;"}</c>.
/// </summary>
public static class EncryptedValue
{
    public const string TypeName = "io.kestra.datatype:aes_encrypted";

    public static Dictionary<string, object?> Of(string cipherText) => new(StringComparer.Ordinal)
    {
        ["type"] = TypeName,
        ["value"] = cipherText,
    };

    public static bool TryRead(object? value, out string cipherText)
    {
        if (value is IReadOnlyDictionary<string, object?> { Count: 2 } map
            && map.GetValueOrDefault("type") is TypeName
            && map.GetValueOrDefault("value") is string text)
        {
            cipherText = text;
            return true;
        }

        cipherText = "";
        return false;
    }
}
