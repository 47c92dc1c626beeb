using Kite.Core.Expressions;
using Kite.Core.Flows;
using Kite.Core.Scheduling;
using Kite.Core.Validation;
using HolidayCondition = Kite.Core.Triggers.Conditions.PublicHoliday;

namespace Kite.Core.Tests.Scheduling;

/// <summary>The PublicHoliday condition evaluated on a date, and its country and subdivision checked when the flow is read.</summary>
public class PublicHolidayTests
{
    private static RenderContext On(string date) =>
        new(new RenderVariables().Trigger(new Dictionary<string, object?> { ["date"] = date }).Build());

    private static bool Holiday(string date, string country, string? subDivision = null) =>
        ConditionEvaluator.Holds(new HolidayCondition { Country = country, SubDivision = subDivision }, On(date));

    [Theory]
    [InlineData("2023-07-14", "FR", true)] // Bastille Day
    [InlineData("2023-01-02", "FR", false)]
    [InlineData("2024-04-01", "FR", true)] // Easter Monday, from the computus
    [InlineData("2024-05-20", "FR", true)] // Whit Monday
    [InlineData("2025-04-18", "DE", true)] // Good Friday
    [InlineData("2023-03-08", "DE", false)] // Women's Day is Berlin's only
    [InlineData("2023-11-23", "US", true)] // Thanksgiving, fourth Thursday of November
    [InlineData("2024-03-29", "GB", true)] // Good Friday
    [InlineData("2024-04-01", "GB", true)]
    [InlineData("2024-04-01", "US", false)]
    public void Public_holidays_of_the_country_hold_and_other_days_do_not(string date, string country, bool expected) =>
        Assert.Equal(expected, Holiday(date, country));

    [Fact]
    public void A_holiday_on_a_weekend_is_observed_on_the_weekday_the_country_moves_it_to()
    {
        // 4 July 2021 was a Sunday: the United States observed it on Monday 5 July.
        Assert.False(Holiday("2021-07-04", "US"));
        Assert.True(Holiday("2021-07-05", "US"));
        // Christmas 2022 was a Sunday: the United Kingdom's substitute bank holiday was Tuesday 27 December.
        Assert.True(Holiday("2022-12-27", "GB"));
    }

    [Fact]
    public void A_subdivision_adds_its_own_holidays_with_or_without_the_country_prefix()
    {
        Assert.True(Holiday("2023-03-08", "DE", "BE"));
        Assert.True(Holiday("2023-03-08", "de", "DE-BE"));
        Assert.True(Holiday("2023-06-08", "DE", "BY")); // Corpus Christi in Bavaria
        Assert.False(Holiday("2023-06-08", "DE", "BE"));
        Assert.True(Holiday("2024-01-02", "GB", "SCT"));
        Assert.False(Holiday("2024-01-02", "GB"));
        Assert.True(Holiday("2023-12-26", "FR", "57")); // Saint Stephen's Day in Moselle
        Assert.False(Holiday("2023-12-26", "FR"));
    }

    [Fact]
    public void The_day_is_read_in_the_offset_the_date_carries()
    {
        // 00:30 on 14 July in Paris is still 13 July in UTC.
        Assert.True(Holiday("2023-07-14T00:30:00+02:00", "FR"));
        Assert.False(Holiday("2023-07-13T23:30:00+02:00", "FR"));
    }

    [Fact]
    public void Country_may_be_an_expression()
    {
        var context = new RenderContext(new RenderVariables()
            .Trigger(new Dictionary<string, object?> { ["date"] = "2023-07-14" })
            .Build());
        Assert.True(ConditionEvaluator.Holds(new HolidayCondition { Country = "{{ 'FR' }}" }, context));
    }

    [Fact]
    public void An_unsupported_country_at_evaluation_names_the_country()
    {
        var error = Assert.Throws<FormatException>(() => Holiday("2023-07-14", "{{ 'XX' }}"));
        Assert.Contains("'XX'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("country: XX", "triggers[0].conditions[0].country", ViolationKind.InvalidValue, "'XX'")]
    [InlineData("country: US\n        subDivision: NY", "triggers[0].conditions[0].subDivision", ViolationKind.InvalidValue, "'US'")]
    [InlineData("country: DE\n        subDivision: ZZ", "triggers[0].conditions[0].subDivision", ViolationKind.InvalidValue, "'ZZ'")]
    [InlineData("date: \"{{ trigger.date }}\"", "triggers[0].conditions[0].country", ViolationKind.MissingProperty, "country")]
    public void A_flow_naming_a_country_or_subdivision_without_a_calendar_is_refused_with_a_message_naming_it(
        string properties, string path, ViolationKind kind, string named)
    {
        var document = FlowReader.ReadOne($"""
            id: f
            namespace: company.team
            tasks:
              - id: log
                type: io.kestra.plugin.core.log.Log
                message: hi
            triggers:
              - id: daily
                type: io.kestra.plugin.core.trigger.Schedule
                cron: "0 11 * * *"
                conditions:
                  - type: io.kestra.plugin.core.condition.PublicHoliday
                    {properties}
            """);

        var violation = Assert.Single(document.Violations);
        Assert.Equal((path, kind), (violation.Path, violation.Kind));
        Assert.Contains(named, violation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Countries_covered_include_France_the_United_States_the_United_Kingdom_and_Germany() =>
        Assert.Superset(new HashSet<string> { "FR", "US", "GB", "DE" }, HolidayCalendars.Countries.ToHashSet());

    [Fact]
    public void Every_covered_country_has_a_calendar_with_New_Year_in_it() =>
        Assert.All(HolidayCalendars.Countries, country => Assert.True(HolidayCalendars.IsHoliday(new DateOnly(2025, 1, 1), country, null), country));
}
