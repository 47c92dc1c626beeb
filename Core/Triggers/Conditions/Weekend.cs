namespace Kite.Core.Triggers.Conditions;

/// <summary><c>io.kestra.plugin.core.condition.Weekend</c>: the date is a Saturday or a Sunday.</summary>
public sealed class Weekend : DateCondition;
