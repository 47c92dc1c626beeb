namespace Kite.Core.Expressions;

/// <summary>The variables visible while rendering: loop and <c>set</c> variables over the context's root variables.</summary>
internal sealed class Scope(RenderContext context, Scope? parent = null)
{
    private Dictionary<string, object?>? locals;

    public RenderContext Context { get; } = context;

    /// <summary>The budget spent so far by the render this scope belongs to.</summary>
    public RenderMeter Meter { get; } = parent?.Meter ?? new RenderMeter(context);

    public void Set(string name, object? value) => (locals ??= new(StringComparer.Ordinal))[name] = value;

    public bool TryGet(string name, out object? value)
    {
        for (var scope = this; scope is not null; scope = scope.parentScope)
        {
            if (scope.locals is not null && scope.locals.TryGetValue(name, out value))
            {
                return true;
            }
        }
        return Context.Variables.TryGetValue(name, out value);
    }

    private readonly Scope? parentScope = parent;

    public Scope Child() => new(Context, this);
}
