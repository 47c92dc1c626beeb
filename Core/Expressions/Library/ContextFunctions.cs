using System.Collections;
using System.Security.Cryptography;
using System.Text;
using Kite.Core.Values;

namespace Kite.Core.Expressions.Library;

/// <summary>
/// <c>renderOnce</c>, <c>printContext</c>/<c>fetchContext</c>, <c>tasksWithState</c>, and <c>encrypt</c>/<c>decrypt</c>
/// (AES-256-GCM with a base64 key, the output base64 of IV, ciphertext and tag, as Kestra's EncryptionService).
/// </summary>
internal static class ContextFunctions
{
    private const int IvLength = 12;
    private const int TagLength = 16;

    public static IReadOnlyDictionary<string, Function> All { get; } = new Dictionary<string, Function>(StringComparer.Ordinal)
    {
        ["renderOnce"] = (args, scope) => args.Get(0, "toRender") is string text ? TemplateEngine.Parse(text).RenderNested(scope, "renderOnce()") : args.Get(0, "toRender"),
        ["fetchContext"] = (_, scope) => Context(scope),
        ["printContext"] = (_, scope) => PlainJson.Write(Context(scope)),
        ["tasksWithState"] = TasksWithState,
        ["encrypt"] = Encrypt,
        ["decrypt"] = Decrypt,
    };

    private static Dictionary<string, object?> Context(Scope scope) => scope.Context.Variables.ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal);

    /// <summary>The task runs in a state: <c>[{taskId, value?, state}]</c> from <c>tasks.&lt;id&gt;.state</c> and <c>tasks.&lt;id&gt;.&lt;value&gt;.state</c>.</summary>
    private static object TasksWithState(Arguments args, Scope scope)
    {
        var wanted = args.String(0, "state") ?? throw new ExpressionException("tasksWithState() needs a state");
        var result = new List<object?>();
        if (!scope.TryGet("tasks", out var tasks) || tasks is not IDictionary byTask)
        {
            return result;
        }
        foreach (DictionaryEntry task in byTask)
        {
            if (task.Value is not IDictionary entry)
            {
                continue;
            }
            if (entry["state"] is { } state)
            {
                Add(result, task.Key, null, state, wanted);
            }
            foreach (DictionaryEntry value in entry)
            {
                if (value.Value is IDictionary byValue && byValue["state"] is { } valueState)
                {
                    Add(result, task.Key, value.Key, valueState, wanted);
                }
            }
        }
        return result;
    }

    private static void Add(List<object?> result, object taskId, object? value, object state, string wanted)
    {
        if (!string.Equals(PlainValues.ToText(state), wanted, StringComparison.OrdinalIgnoreCase))
        {
            return;
        }
        var run = new Dictionary<string, object?> { ["taskId"] = PlainValues.ToText(taskId), ["state"] = PlainValues.ToText(state) };
        if (value is not null)
        {
            run["value"] = PlainValues.ToText(value);
        }
        result.Add(run);
    }

    private static object Encrypt(Arguments args, Scope scope)
    {
        using var aes = new AesGcm(Key(args, "encrypt"), TagLength);
        var plain = Encoding.UTF8.GetBytes(args.String(1, "plaintext") ?? throw new ExpressionException("encrypt() needs the plaintext"));
        var output = new byte[IvLength + plain.Length + TagLength];
        var iv = output.AsSpan(0, IvLength);
        RandomNumberGenerator.Fill(iv);
        aes.Encrypt(iv, plain, output.AsSpan(IvLength, plain.Length), output.AsSpan(IvLength + plain.Length));
        return Convert.ToBase64String(output);
    }

    private static object Decrypt(Arguments args, Scope scope)
    {
        using var aes = new AesGcm(Key(args, "decrypt"), TagLength);
        byte[] input;
        try
        {
            input = Convert.FromBase64String(args.String(1, "encrypted") ?? throw new ExpressionException("decrypt() needs the encrypted text"));
        }
        catch (FormatException)
        {
            throw new ExpressionException("decrypt(): the encrypted text is not base64");
        }
        if (input.Length < IvLength + TagLength)
        {
            throw new ExpressionException("decrypt(): the encrypted text is too short");
        }
        var plain = new byte[input.Length - IvLength - TagLength];
        try
        {
            aes.Decrypt(input.AsSpan(0, IvLength), input.AsSpan(IvLength, plain.Length), input.AsSpan(input.Length - TagLength), plain);
        }
        catch (AuthenticationTagMismatchException)
        {
            throw new ExpressionException("decrypt(): wrong key, or the text was not encrypted with it");
        }
        return Encoding.UTF8.GetString(plain);
    }

    private static byte[] Key(Arguments args, string function)
    {
        var text = args.String(0, "key") ?? throw new ExpressionException($"{function}() needs a key");
        try
        {
            var key = Convert.FromBase64String(text);
            return key.Length is 16 or 24 or 32 ? key : throw new ExpressionException($"{function}(): the key must be 16, 24 or 32 bytes in base64");
        }
        catch (FormatException)
        {
            throw new ExpressionException($"{function}(): the key must be base64");
        }
    }
}
