namespace Kite.Core.Triggers.Conditions;

/// <summary>A condition on a date, by default the trigger's (<c>{{ trigger.date }}</c>); usable on a Schedule.</summary>
public abstract class DateCondition : Condition
{
    public string Date { get; set; } = "{{ trigger.date }}";

    public override bool OnSchedule => true;
}
