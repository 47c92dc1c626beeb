namespace Kite.Core.Triggers;

public enum FilterOperand
{
    And,
    Or,
}
