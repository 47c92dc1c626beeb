namespace Kite.Core.Flows;

public enum ConcurrencyBehavior
{
    Queue,
    Cancel,
    Fail,
}
