using Kite.Data.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kite.Data.Configurations;

internal sealed class MetricConfiguration : IEntityTypeConfiguration<MetricRecord>
{
    public void Configure(EntityTypeBuilder<MetricRecord> metric)
    {
        metric.ToTable("metrics");
        metric.HasKey(m => m.Id);
        metric.Property(m => m.Id).UseIdentityAlwaysColumn();
        metric.Property(m => m.Tags).HasColumnType("jsonb");
        metric.HasIndex(m => new { m.ExecutionId, m.Timestamp });
        metric.HasIndex(m => new { m.Namespace, m.FlowId, m.Timestamp });
    }
}
