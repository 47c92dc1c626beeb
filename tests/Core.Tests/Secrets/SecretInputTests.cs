using Kite.Core.Expressions;
using Kite.Core.Flows;
using Kite.Core.Inputs;
using Kite.Core.Secrets;

namespace Kite.Core.Tests.Secrets;

/// <summary>A SECRET input is stored as cipher text and decrypted, into the mask, only by a render that reads it.</summary>
public sealed class SecretInputTests
{
    private static readonly SecretCipher Cipher = new("a-key-of-at-least-thirty-two-chars!");

    private static List<Input> Inputs() =>
        FlowReader.ReadOne("id: f\nnamespace: n\ninputs:\n  - id: pw\n    type: SECRET\n  - id: name\n    type: STRING\ntasks:\n  - id: t\n    type: io.kestra.plugin.core.debug.Return\n").Flow!.Inputs!;

    private static Dictionary<string, object?> Submitted(object? pw) => new() { ["pw"] = pw, ["name"] = "ada" };

    [Fact]
    public void A_secret_input_is_stored_encrypted_in_Kestras_shape()
    {
        var resolved = InputResolver.Resolve(Inputs(), Submitted("hunter22"), cipher: Cipher);

        Assert.True(resolved.IsValid);
        Assert.True(EncryptedValue.TryRead(resolved.Values["pw"], out var cipherText));
        Assert.Equal(EncryptedValue.TypeName, ((IReadOnlyDictionary<string, object?>)resolved.Values["pw"]!)["type"]);
        Assert.Equal("hunter22", Cipher.Decrypt(cipherText));
        Assert.Equal("ada", resolved.Values["name"]);
    }

    [Fact]
    public void Without_a_key_a_secret_input_is_refused_naming_the_input_and_the_setting()
    {
        var resolved = InputResolver.Resolve(Inputs(), Submitted("hunter22"));

        var error = Assert.Single(resolved.Errors);
        Assert.Equal("pw", error.InputId);
        Assert.Contains("input 'pw'", error.Message, StringComparison.Ordinal);
        Assert.Contains("Kite:Encryption:SecretKey", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("pw", resolved.Values.Keys);
    }

    [Fact]
    public void A_replayed_cipher_text_is_kept_and_a_forged_one_is_refused()
    {
        var stored = InputResolver.Resolve(Inputs(), Submitted("hunter22"), cipher: Cipher).Values["pw"];

        var replayed = InputResolver.Resolve(Inputs(), Submitted(stored), cipher: Cipher);
        var forged = InputResolver.Resolve(Inputs(), Submitted(EncryptedValue.Of("Zm9yZ2VkIGZvcmdlZCBmb3JnZWQgZm9yZ2Vk")), cipher: Cipher);

        Assert.Equal(stored, replayed.Values["pw"]);
        Assert.Contains("input 'pw'", Assert.Single(forged.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_render_decrypts_the_secret_inputs_and_masks_what_it_writes_with_them()
    {
        var stored = InputResolver.Resolve(Inputs(), Submitted("hunter22"), cipher: Cipher).Values;
        var mask = new SecretMask();
        var variables = new Dictionary<string, object?> { ["inputs"] = stored.ToDictionary() };

        var revealed = RevealedInputs.Of(variables, Cipher, mask);
        var text = TemplateEngine.Render("{{ inputs.name }} logs in with {{ inputs.pw }}", new RenderContext(revealed));

        Assert.Equal("ada logs in with hunter22", text);
        Assert.Equal("ada logs in with ******", mask.Apply(text));
        Assert.True(EncryptedValue.TryRead(((IReadOnlyDictionary<string, object?>)variables["inputs"]!)["pw"], out _));
    }

    [Fact]
    public void A_render_without_the_key_fails_naming_the_input()
    {
        var stored = InputResolver.Resolve(Inputs(), Submitted("hunter22"), cipher: Cipher).Values;
        var variables = new Dictionary<string, object?> { ["inputs"] = stored.ToDictionary() };

        var missing = Assert.Throws<ExpressionException>(() => RevealedInputs.Of(variables, null, new SecretMask()));
        var wrong = Assert.Throws<ExpressionException>(() => RevealedInputs.Of(variables, new SecretCipher("another-key-of-at-least-thirty-two-chars"), new SecretMask()));

        Assert.Contains("input 'pw' is a SECRET, and this service has no Kite:Encryption:SecretKey", missing.Message, StringComparison.Ordinal);
        Assert.Contains("input 'pw' cannot be decrypted", wrong.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Variables_without_secret_inputs_are_given_back_as_they_are()
    {
        IReadOnlyDictionary<string, object?> variables = new Dictionary<string, object?> { ["inputs"] = new Dictionary<string, object?> { ["name"] = "ada" } };

        Assert.Same(variables, RevealedInputs.Of(variables, null, new SecretMask()));
    }
}
