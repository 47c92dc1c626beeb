using Kite.Core.Flows;

namespace Kite.Core.Executions.Events;

/// <summary>The flow already runs its <c>concurrency.limit</c> executions: this one waits, is cancelled or fails.</summary>
public sealed record ConcurrencyLimitReached(ConcurrencyBehavior Behavior, int Limit) : ExecutionEvent;
