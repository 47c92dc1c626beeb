using Kite.Core.Expressions.Nodes;

namespace Kite.Core.Expressions.Templates;

/// <summary>The content of one <c>{% %}</c> tag, before blocks are assembled.</summary>
internal sealed record Tag(string Keyword, Expression? Expression = null, string? Name = null, string? Second = null);
