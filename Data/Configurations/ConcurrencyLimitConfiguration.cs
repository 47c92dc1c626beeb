using Kite.Data.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kite.Data.Configurations;

internal sealed class ConcurrencyLimitConfiguration : IEntityTypeConfiguration<ConcurrencyLimitRecord>
{
    public void Configure(EntityTypeBuilder<ConcurrencyLimitRecord> limit)
    {
        limit.ToTable("concurrency_limits");
        limit.HasKey(l => new { l.Namespace, l.FlowId });
    }
}
