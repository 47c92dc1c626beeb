namespace Kite.Core.Flows;

public enum SlaBehavior
{
    Fail,
    Cancel,
    None,
}
