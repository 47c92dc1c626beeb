using System.Collections;
using Kite.Core.Validation;
using Kite.Core.Values;

namespace Kite.Core.Inputs;

/// <summary>ARRAY: a list (or JSON array) whose items are each of <see cref="ItemType"/>.</summary>
public sealed class ArrayInput : Input
{
    public override InputType Type => InputType.Array;

    [Required]
    public InputType ItemType { get; set; }

    public override object Coerce(object value)
    {
        IEnumerable items = value switch
        {
            string s => PlainJson.Parse(s) as IList ?? throw new FormatException("expected a JSON array"),
            IList list => list,
            _ => throw new FormatException("expected a list"),
        };
        var item = InputTypes.Create(ItemType);
        return items.Cast<object?>()
            .Select((v, i) => v is null ? null : CoerceItem(item, v, i))
            .ToList();
    }

    private static object CoerceItem(Input item, object value, int index)
    {
        try
        {
            return item.Coerce(value);
        }
        catch (FormatException e)
        {
            throw new FormatException($"item {index}: {e.Message}");
        }
    }
}
