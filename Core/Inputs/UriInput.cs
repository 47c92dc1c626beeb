namespace Kite.Core.Inputs;

/// <summary>URI: an absolute URI.</summary>
public sealed class UriInput : Input
{
    public override InputType Type => InputType.Uri;

    public override object Coerce(object value) =>
        System.Uri.TryCreate(Text(value).Trim(), UriKind.Absolute, out var uri)
            ? uri.OriginalString
            : throw new FormatException($"'{Text(value)}' is not an absolute URI");
}
