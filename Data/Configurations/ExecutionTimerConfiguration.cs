using Kite.Data.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kite.Data.Configurations;

internal sealed class ExecutionTimerConfiguration : IEntityTypeConfiguration<ExecutionTimerRecord>
{
    public void Configure(EntityTypeBuilder<ExecutionTimerRecord> timer)
    {
        timer.ToTable("execution_timers");
        timer.HasKey(t => t.Id);
        timer.Property(t => t.Id).UseIdentityAlwaysColumn();
        timer.Property(t => t.Kind).HasMaxLength(16);
        timer.HasIndex(t => t.DueAt);
        // The same timer decided twice (a loop re-resolved in a later step) is stored once.
        timer.HasIndex(t => new { t.TaskRunId, t.Kind, t.DueAt }).IsUnique();
        timer.HasIndex(t => t.ExecutionId);
    }
}
