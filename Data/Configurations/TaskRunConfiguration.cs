using Kite.Data.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kite.Data.Configurations;

internal sealed class TaskRunConfiguration : IEntityTypeConfiguration<TaskRunRecord>
{
    public void Configure(EntityTypeBuilder<TaskRunRecord> taskRun)
    {
        taskRun.ToTable("task_runs");
        taskRun.HasKey(t => t.Id);
        taskRun.Property(t => t.State).HasMaxLength(16);
        taskRun.Property(t => t.StateHistory).HasColumnType("jsonb");
        taskRun.Property(t => t.Attempts).HasColumnType("jsonb");
        taskRun.Property(t => t.Outputs).HasColumnType("jsonb");
        taskRun.HasIndex(t => new { t.ExecutionId, t.Position });
    }
}
