using Kite.Core.Expressions;

namespace Kite.Core.Scheduling;

/// <summary>One of the conditions a <see cref="PreconditionSet"/> waits for, under the name its progress is kept by.</summary>
public sealed record NamedPrecondition(string Name, Func<TriggeringExecution, RenderContext, bool> Holds);
