using System.Runtime.CompilerServices;

namespace Kite.Core.Expressions;

/// <summary>What one top-level render has spent of its <see cref="RenderBudget"/>; shared by all the scopes of that render.</summary>
internal sealed class RenderMeter(RenderContext context)
{
    // Reading the clock costs more than a loop iteration of a cheap body, so only every 16th tick looks at it.
    private const int TicksPerClockRead = 16;

    private readonly TimeProvider time = context.Time;
    private readonly long started = context.Time.GetTimestamp();
    private long steps;
    private int ticks;
    private int renderDepth;

    public RenderBudget Budget { get; } = context.Budget;

    /// <summary>Counts <paramref name="count"/> steps done by <paramref name="what"/>; called before the work so that none of it is done over budget.</summary>
    public void Spend(long count, string what)
    {
        // Compared before adding: range() may ask for up to long.MaxValue steps.
        if (count > Budget.MaxSteps - steps)
        {
            throw new ExpressionException($"{what} goes over the render's limit of {Budget.MaxSteps} steps (loop iterations, items built by range() and yaml(), render() calls)");
        }
        steps += count;
        Tick();
    }

    /// <summary>Called in every loop iteration and render: fails the render once its time is up.</summary>
    public void Tick()
    {
        if (++ticks % TicksPerClockRead == 0 && Budget.Timeout > TimeSpan.Zero && time.GetElapsedTime(started) > Budget.Timeout)
        {
            throw new ExpressionException($"the render took longer than its time limit of {Budget.Timeout.TotalSeconds:0.###} s");
        }
    }

    /// <summary>Fails when <paramref name="what"/> (<c>"the rendered text"</c>) would be longer than the budget allows.</summary>
    public void CheckLength(long length, string what)
    {
        if (length > Budget.MaxLength)
        {
            throw new ExpressionException($"{what} would be {length} characters long, more than the render's limit of {Budget.MaxLength}");
        }
    }

    /// <summary>One level deeper into <paramref name="function"/> (<c>"render()"</c>); pair with <see cref="LeaveRender"/> in a finally.</summary>
    public void EnterRender(string function)
    {
        if (renderDepth >= Budget.MaxRenderDepth)
        {
            throw new ExpressionException($"{function} nested deeper than {Budget.MaxRenderDepth} levels: an expression renders itself");
        }
        CheckStack(function);
        Spend(1, function);
        renderDepth++;
    }

    public void LeaveRender() => renderDepth--;

    /// <summary>
    /// The limits are counts, each safe on its own; together, or on a thread with a small stack, they may not be. This fails
    /// the render while enough stack is left to fail it cleanly (about 128 KB). Called where rendering recurses: a few nanoseconds.
    /// </summary>
    public static void CheckStack(string what)
    {
        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw new ExpressionException($"{what} nested too deeply for the thread's stack");
        }
    }
}
