namespace Kite.Core.Inputs;

/// <summary>FILE: an uploaded file, referenced by its internal-storage URI (<c>kestra:///...</c>) or any absolute URI.</summary>
public sealed class FileInput : Input
{
    public override InputType Type => InputType.File;

    /// <summary>Deprecated: the extension of the stored file.</summary>
    public string? Extension { get; set; }

    public List<string>? AllowedFileExtensions { get; set; }

    public override object Coerce(object value)
    {
        var text = Text(value).Trim();
        if (!System.Uri.TryCreate(text, UriKind.Absolute, out _))
        {
            throw new FormatException($"'{text}' is not a file URI such as kestra:///namespace/flow/file.txt");
        }
        if (AllowedFileExtensions is { Count: > 0 } allowed && !allowed.Any(e => text.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
        {
            throw new FormatException($"the file must end with one of {string.Join(", ", allowed)}");
        }
        return text;
    }
}
