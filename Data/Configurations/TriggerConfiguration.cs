using Kite.Data.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kite.Data.Configurations;

internal sealed class TriggerConfiguration : IEntityTypeConfiguration<TriggerRecord>
{
    public void Configure(EntityTypeBuilder<TriggerRecord> trigger)
    {
        trigger.ToTable("triggers");
        trigger.HasKey(t => new { t.Namespace, t.FlowId, t.TriggerId });
        trigger.Property(t => t.Backfill).HasColumnType("jsonb");
        trigger.Property(t => t.Preconditions).HasColumnType("jsonb");
        // The evaluation loop claims due triggers through this index only (seed 003); locked, disabled and
        // polling-in-progress rows are left out of it, so they cost the loop nothing however many there are.
        trigger.HasIndex(t => t.NextExecutionDate)
            .HasDatabaseName("ix_triggers_due")
            .HasFilter("execution_id IS NULL AND disabled = false AND evaluate_running_date IS NULL");
        trigger.HasIndex(t => t.ExecutionId);
        trigger.HasIndex(t => t.Type);
        trigger.HasIndex(t => t.UpdatedAt).HasDatabaseName("ix_triggers_backfill").HasFilter("backfill IS NOT NULL");
    }
}
