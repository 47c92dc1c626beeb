using Kite.Purge.Housekeeping;
using Kite.Purge.Retention;
using Quartz;

namespace Kite.Purge.Extensions;

/// <summary>The Quartz schedules of Purge.Service: the enabled retention policies and housekeeping, in UTC.</summary>
public static class ScheduleExtensions
{
    public static void AddSchedules(this IHostApplicationBuilder builder)
    {
        var retention = builder.Configuration.GetSection("Kite:Purge:Retention");
        var housekeeping = builder.Configuration.GetSection("Kite:Purge:Housekeeping");
        builder.Services.Configure<RetentionOptions>(retention);
        builder.Services.Configure<HousekeepingOptions>(housekeeping);
        var policies = retention.Get<RetentionOptions>() ?? new RetentionOptions();
        var cleaning = housekeeping.Get<HousekeepingOptions>() ?? new HousekeepingOptions();
        builder.Services.AddQuartz(quartz =>
        {
            foreach (var (name, policy) in new[] { (RetentionJob.ExecutionsPolicy, policies.Executions), (RetentionJob.LogsPolicy, policies.Logs) })
            {
                if (!policy.Enabled)
                {
                    continue;
                }

                var job = new JobKey($"retention-{name}");
                quartz.AddJob<RetentionJob>(job, j => j.UsingJobData(RetentionJob.PolicyKey, name));
                quartz.AddTrigger(t => t.ForJob(job).WithIdentity($"retention-{name}").WithCronSchedule(policy.Schedule, cron => cron.InTimeZone(TimeZoneInfo.Utc)));
            }

            var housekeepingJob = new JobKey("housekeeping");
            quartz.AddJob<HousekeepingJob>(housekeepingJob);
            quartz.AddTrigger(t => t.ForJob(housekeepingJob).WithIdentity("housekeeping").WithCronSchedule(cleaning.Schedule, cron => cron.InTimeZone(TimeZoneInfo.Utc)));
        });
        builder.Services.AddQuartzHostedService(quartz => quartz.WaitForJobsToComplete = true);
    }
}
