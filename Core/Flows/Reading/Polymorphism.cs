using Kite.Core.Flows.Retries;
using Kite.Core.Inputs;
using Kite.Core.Tasks;
using Kite.Core.Tasks.Scripts;
using Kite.Core.Triggers;
using Kite.Core.Triggers.Conditions;
using Kite.Core.Validation;

namespace Kite.Core.Flows.Reading;

/// <summary>The abstract model classes chosen by a <c>type</c> key, with the catalog to look the type up in.</summary>
internal sealed record Polymorphism(TypeCatalog Catalog, ViolationKind UnknownKind, string Noun)
{
    private static readonly Dictionary<Type, Polymorphism> ByBase = new()
    {
        [typeof(TaskDefinition)] = new(TaskTypes.Catalog, ViolationKind.UnknownTaskType, "task type"),
        [typeof(Trigger)] = new(TriggerTypes.Catalog, ViolationKind.UnknownTriggerType, "trigger type"),
        [typeof(Input)] = new(InputTypes.Catalog, ViolationKind.UnknownType, "input type"),
        [typeof(Retry)] = new(RetryTypes.Catalog, ViolationKind.UnknownType, "retry type"),
        [typeof(Condition)] = new(ConditionTypes.Catalog, ViolationKind.UnknownType, "condition type"),
        [typeof(TaskRunner)] = new(TaskTypes.Runners, ViolationKind.UnknownType, "task runner type"),
    };

    public static Polymorphism? For(Type type) => ByBase.GetValueOrDefault(type);
}
