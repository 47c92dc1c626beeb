namespace Kite.Core.Triggers.Conditions;

/// <summary><c>io.kestra.plugin.core.condition.PublicHoliday</c>: the date is a public holiday of a country (ISO 3166 code).</summary>
public sealed class PublicHoliday : DateCondition
{
    public string? Country { get; set; }

    public string? SubDivision { get; set; }
}
