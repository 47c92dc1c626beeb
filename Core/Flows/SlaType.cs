namespace Kite.Core.Flows;

public enum SlaType
{
    MaxDuration,
    ExecutionAssertion,
}
