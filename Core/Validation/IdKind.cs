namespace Kite.Core.Validation;

public enum IdKind
{
    Flow,
    Namespace,
    Task,
    Input,
}
