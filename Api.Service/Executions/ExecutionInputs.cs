using System.Collections;
using System.Globalization;
using Kite.Core.Inputs;
using Kite.Core.Secrets;

namespace Kite.Api.Executions;

/// <summary>
/// The inputs of a new or resumed execution as Core resolves them, made safe to store. A value Core's coercion throws
/// on (a JSON input whose text has a key twice) or that the execution's JSON cannot hold (NaN or Infinity, a NUL
/// character) is one more refused input: the request is a 422 naming it, not a 500 after the fact.
/// </summary>
public static class ExecutionInputs
{
    /// <param name="cipher">Encrypts SECRET inputs; without it they are refused.</param>
    public static InputResolution Resolve(IReadOnlyList<Input>? definitions, IReadOnlyDictionary<string, object?> submitted, SecretCipher? cipher)
    {
        InputResolution resolved;
        try
        {
            resolved = InputResolver.Resolve(definitions, submitted, cipher: cipher);
        }
        catch (Exception e) when (IsCoercion(e))
        {
            // Resolved one at a time, so that the error names the input that threw.
            resolved = OneByOne(definitions ?? [], submitted, cipher);
        }

        return resolved with { Errors = [.. resolved.Errors, .. Unstorable(resolved.Values)] };
    }

    /// <summary>Inputs taken as they were sent (a Pause without <c>onResume</c> definitions), refused only when they cannot be stored.</summary>
    public static InputResolution AsGiven(IReadOnlyDictionary<string, object?> submitted) => new(submitted, [.. Unstorable(submitted)]);

    private static IEnumerable<InputError> Unstorable(IReadOnlyDictionary<string, object?> values) => values
        .Select(v => (Input: v.Key, Problem: WhyUnstorable(v.Value)))
        .Where(v => v.Problem is not null)
        .Select(v => new InputError(v.Input, $"input '{v.Input}' {v.Problem}"));

    private static InputResolution OneByOne(IReadOnlyList<Input> definitions, IReadOnlyDictionary<string, object?> submitted, SecretCipher? cipher)
    {
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        var errors = new List<InputError>();
        foreach (var definition in definitions)
        {
            try
            {
                var one = InputResolver.Resolve([definition], submitted, cipher: cipher);
                foreach (var (id, value) in one.Values)
                {
                    values[id] = value;
                }

                errors.AddRange(one.Errors);
            }
            catch (Exception e) when (IsCoercion(e))
            {
                errors.Add(new InputError(definition.Id, $"input '{definition.Id}' cannot be read: {e.Message}"));
            }
        }

        return new InputResolution(values, errors);
    }

    private static bool IsCoercion(Exception e) => e is ArgumentException or FormatException or OverflowException;

    /// <summary>Why the execution's JSON cannot hold <paramref name="value"/>, or null when it can.</summary>
    public static string? WhyUnstorable(object? value) => value switch
    {
        string text => text.Contains('\0') ? "holds a NUL character (U+0000), which cannot be stored" : null,
        double number when !double.IsFinite(number) => $"is {number.ToString(CultureInfo.InvariantCulture)}, which JSON cannot hold; give a finite number",
        float number when !float.IsFinite(number) => $"is {number.ToString(CultureInfo.InvariantCulture)}, which JSON cannot hold; give a finite number",
        IDictionary map => map.Keys.Cast<object?>().Concat(map.Values.Cast<object?>()).Select(WhyUnstorable).FirstOrDefault(p => p is not null),
        IEnumerable items => items.Cast<object?>().Select(WhyUnstorable).FirstOrDefault(p => p is not null),
        _ => null,
    };
}
