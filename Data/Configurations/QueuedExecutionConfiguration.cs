using Kite.Data.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kite.Data.Configurations;

internal sealed class QueuedExecutionConfiguration : IEntityTypeConfiguration<QueuedExecutionRecord>
{
    public void Configure(EntityTypeBuilder<QueuedExecutionRecord> queued)
    {
        queued.ToTable("execution_queue");
        queued.HasKey(q => q.ExecutionId);
        queued.HasIndex(q => new { q.Namespace, q.FlowId, q.QueuedAt });
    }
}
