using Microsoft.Extensions.Options;

namespace Kite.Scheduler.Triggers;

/// <summary>The time zone of schedules that name none (<c>Kite:Scheduler:DefaultTimezone</c>).</summary>
public sealed class SchedulerZone(IOptions<SchedulerOptions> options)
{
    public TimeZoneInfo Default { get; } = TimeZoneInfo.FindSystemTimeZoneById(options.Value.DefaultTimezone);
}
