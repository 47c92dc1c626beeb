namespace Kite.Core.Tasks.Flowable;

public enum PauseBehavior
{
    Resume,
    Warn,
    Fail,
    Cancel,
}
