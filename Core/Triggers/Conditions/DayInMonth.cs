namespace Kite.Core.Triggers.Conditions;

/// <summary>Which occurrence of a weekday in its month <see cref="DayWeekInMonth"/> asks for.</summary>
public enum DayInMonth
{
    First,
    Last,
    Second,
    Third,
    Fourth,
}
