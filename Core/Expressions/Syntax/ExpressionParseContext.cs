using Parlot;
using Parlot.Fluent;

namespace Kite.Core.Expressions.Syntax;

/// <summary>A Parlot parse context that knows how deeply the expression being parsed is nested.</summary>
internal sealed class ExpressionParseContext(Scanner scanner, int nesting = 0) : ParseContext(scanner)
{
    /// <summary>How many nested expressions the parser is inside; see <see cref="SyntaxLimits.MaxNesting"/>.</summary>
    public int Nesting { get; set; } = nesting;
}
