using Kite.Core.Time;

namespace Kite.Core.Tests.Validation;

public class TimeSyntaxTests
{
    [Theory]
    [InlineData("PT30S", 30)]
    [InlineData("PT5M", 300)]
    [InlineData("PT1H30M", 5400)]
    [InlineData("P1D", 86400)]
    [InlineData("P1DT1S", 86401)]
    [InlineData("PT0.5S", 0.5)]
    [InlineData("-PT1M", -60)]
    public void Iso_durations_parse_as_Java_Duration_does(string text, double seconds)
    {
        Assert.True(IsoDuration.TryParse(text, out var duration));
        Assert.Equal(seconds, duration.TotalSeconds);
    }

    [Theory]
    [InlineData("5s")]
    [InlineData("PT")]
    [InlineData("P")]
    [InlineData("P1Y")]
    [InlineData("1 minute")]
    [InlineData("")]
    public void Non_iso_durations_are_refused(string text) => Assert.False(IsoDuration.TryParse(text, out _));

    [Theory]
    [InlineData("PT1H30M", 5400)]
    [InlineData("PT0S", 0)]
    [InlineData("PT0.5S", 0.5)]
    public void Durations_print_like_Java(string expected, double seconds) =>
        Assert.Equal(expected, IsoDuration.Format(TimeSpan.FromSeconds(seconds)));

    [Theory]
    [InlineData("* * * * *")]
    [InlineData("0 9 * * MON-FRI")]
    [InlineData("*/15 0-6,22-23 1 JAN,JUL ?")]
    [InlineData("0 0 L * *")]
    [InlineData("0 0 * * 5#3")]
    [InlineData("@daily")]
    [InlineData("@hourly")]
    public void Valid_cron_expressions_pass(string cron) => Assert.Null(CronSyntax.Check(cron));

    [Theory]
    [InlineData("* * * *")]
    [InlineData("60 * * * *")]
    [InlineData("* 24 * * *")]
    [InlineData("* * 0 * *")]
    [InlineData("* * * 13 *")]
    [InlineData("* * * * 8")]
    [InlineData("*/0 * * * *")]
    [InlineData("@reboot")]
    public void Invalid_cron_expressions_say_what_is_wrong(string cron) => Assert.NotNull(CronSyntax.Check(cron));
}
