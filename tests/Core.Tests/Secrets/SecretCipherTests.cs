using Kite.Core.Secrets;

namespace Kite.Core.Tests.Secrets;

public sealed class SecretCipherTests
{
    private static readonly SecretCipher Cipher = new("a-key-of-at-least-thirty-two-chars!");

    [Fact]
    public void A_value_decrypts_to_itself_and_two_encryptions_of_it_differ()
    {
        var first = Cipher.Encrypt("p4ssw0rd, with ünïcode");
        var second = Cipher.Encrypt("p4ssw0rd, with ünïcode");

        Assert.NotEqual(first, second);
        Assert.DoesNotContain("p4ssw0rd", first, StringComparison.Ordinal);
        Assert.Equal("p4ssw0rd, with ünïcode", Cipher.Decrypt(first));
        Assert.Equal("p4ssw0rd, with ünïcode", Cipher.Decrypt(second));
    }

    [Fact]
    public void Another_key_or_a_changed_byte_is_refused_not_decrypted_to_garbage()
    {
        var sealedText = Cipher.Encrypt("p4ssw0rd");
        var bytes = Convert.FromBase64String(sealedText);
        bytes[^1] ^= 1;

        var otherKey = Assert.Throws<FormatException>(() => new SecretCipher("another-key-of-at-least-thirty-two-chars").Decrypt(sealedText));
        Assert.Contains("another Kite:Encryption:SecretKey", otherKey.Message, StringComparison.Ordinal);
        Assert.Throws<FormatException>(() => Cipher.Decrypt(Convert.ToBase64String(bytes)));
        Assert.Throws<FormatException>(() => Cipher.Decrypt("not base64!"));
        Assert.Throws<FormatException>(() => Cipher.Decrypt("c2hvcnQ="));
    }

    [Fact]
    public void A_key_shorter_than_32_characters_is_refused_naming_the_setting()
    {
        var error = Assert.Throws<ArgumentException>(() => new SecretCipher("short"));

        Assert.Contains("Kite:Encryption:SecretKey has 5 characters; give at least 32", error.Message, StringComparison.Ordinal);
    }
}
