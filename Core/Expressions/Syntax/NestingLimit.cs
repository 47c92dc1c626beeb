using System.Runtime.CompilerServices;
using Kite.Core.Expressions.Nodes;
using Parlot;
using Parlot.Fluent;

namespace Kite.Core.Expressions.Syntax;

/// <summary>
/// Wraps the grammar where it recurses: fails with a syntax error, at the position of the nested expression, rather than
/// let a hundred thousand parentheses overflow the stack, and refuses a tree deeper than <see cref="SyntaxLimits.MaxDepth"/>.
/// </summary>
internal sealed class NestingLimit(Parser<Expression> inner) : Parser<Expression>
{
    public override bool Parse(ParseContext context, ref ParseResult<Expression> result)
    {
        var start = context.Scanner.Cursor.Position;
        // Counts the expressions around this one: the top-level expression is inside none.
        var counted = context as ExpressionParseContext;
        if (counted?.Nesting > SyntaxLimits.MaxNesting)
        {
            throw new ParseException($"the expression is nested deeper than {SyntaxLimits.MaxNesting} levels (parentheses, brackets, calls, ternaries or unary operators)", start);
        }
        // The count is what fails in practice; this is for a thread with a small stack, or a context the count does not see.
        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw new ParseException("the expression is nested too deeply for the thread's stack", start);
        }
        counted?.Nesting += 1;
        try
        {
            if (!inner.Parse(context, ref result))
            {
                return false;
            }
        }
        finally
        {
            counted?.Nesting -= 1;
        }
        if (result.Value.Depth > SyntaxLimits.MaxDepth)
        {
            throw new ParseException($"the expression is too deep: more than {SyntaxLimits.MaxDepth} operators, filters or calls inside one another", start);
        }
        return true;
    }
}
