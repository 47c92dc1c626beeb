namespace Kite.Core.Expressions;

/// <summary>The value of a variable or attribute that does not exist; only <c>is defined</c>, <c>??</c> and <c>default</c> may see it.</summary>
internal sealed class Undefined
{
    public static readonly Undefined Instance = new();

    private Undefined()
    {
    }
}
