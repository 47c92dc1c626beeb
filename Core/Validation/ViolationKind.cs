namespace Kite.Core.Validation;

/// <summary>What is wrong with a flow, so callers and tests can tell violations apart without reading messages.</summary>
public enum ViolationKind
{
    InvalidYaml,
    MissingProperty,
    UnknownProperty,
    WrongType,
    UnknownTaskType,
    UnknownTriggerType,
    UnknownType,
    InvalidId,
    DuplicateId,
    EmptyList,
    InvalidValue,
    InvalidCron,
    InvalidDuration,
    DagCycle,
    UnknownDependency,
    InvalidExpression,
    InvalidInputDefault,
}
