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
        // The evaluation loop claims due triggers through this index only (seed 003).
        trigger.HasIndex(t => t.NextExecutionDate);
        trigger.HasIndex(t => t.ExecutionId);
    }
}
