using Kite.Core.Secrets;

namespace Kite.Core.Inputs;

/// <summary>
/// Turns submitted inputs (often strings from a form, a webhook or the API) into typed values:
/// a submitted value is coerced to its input's type, a missing one takes its <c>defaults</c>, and a required
/// input with neither is an error. Every bad input is reported, each naming the input.
/// </summary>
public static class InputResolver
{
    /// <param name="renderDefault">Renders a default written as an expression (<c>"{{ now() }}"</c>); without it such defaults are kept as text.</param>
    /// <param name="cipher">Encrypts SECRET inputs; without it a SECRET input is refused, never stored as plain text.</param>
    public static InputResolution Resolve(
        IReadOnlyList<Input>? definitions,
        IReadOnlyDictionary<string, object?> submitted,
        Func<string, object?>? renderDefault = null,
        SecretCipher? cipher = null)
    {
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        var errors = new List<InputError>();
        foreach (var input in definitions ?? [])
        {
            var given = submitted.TryGetValue(input.Id, out var value) && !IsBlank(value, input);
            var raw = given ? value : Default(input, renderDefault);
            if (raw is null)
            {
                if (input.Required)
                {
                    errors.Add(new InputError(input.Id, $"input '{input.Id}' is required"));
                }
                else
                {
                    values[input.Id] = null;
                }
                continue;
            }
            try
            {
                values[input.Id] = input is SecretInput ? Sealed(input, raw, cipher) : input.Coerce(raw);
            }
            catch (FormatException e)
            {
                var source = given ? "" : " (its default)";
                errors.Add(new InputError(input.Id, $"input '{input.Id}'{source} is not a valid {Kite.Core.Flows.Reading.KestraNames.Of(input.Type)}: {e.Message}"));
            }
        }
        return new InputResolution(values, errors);
    }

    /// <summary>A SECRET's value as stored: encrypted, or kept as given when it is already this key's cipher text (a replay).</summary>
    private static Dictionary<string, object?> Sealed(Input input, object raw, SecretCipher? cipher)
    {
        if (cipher is null)
        {
            throw new FormatException("SECRET inputs are stored encrypted, and no key is configured: give the Api, Scheduler, Executor and Worker the same Kite:Encryption:SecretKey");
        }

        if (EncryptedValue.TryRead(raw, out var cipherText))
        {
            cipher.Decrypt(cipherText);
            return EncryptedValue.Of(cipherText);
        }

        return EncryptedValue.Of(cipher.Encrypt((string)input.Coerce(raw)));
    }

    // An empty string submitted for a non-text input means "not given", as an empty form field does.
    private static bool IsBlank(object? value, Input input) =>
        value is null || value is string { Length: 0 } && input is not StringInput;

    private static object? Default(Input input, Func<string, object?>? renderDefault) =>
        input.Defaults is string text && renderDefault is not null && Expressions.TemplateEngine.HasExpression(text)
            ? renderDefault(text)
            : input.Defaults;
}
