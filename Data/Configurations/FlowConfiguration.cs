using Kite.Data.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kite.Data.Configurations;

internal sealed class FlowConfiguration : IEntityTypeConfiguration<FlowRecord>
{
    public void Configure(EntityTypeBuilder<FlowRecord> flow)
    {
        flow.ToTable("flows");
        flow.HasKey(f => new { f.Namespace, f.Id, f.Revision });
        flow.Property(f => f.Model).HasColumnType("jsonb");
        flow.HasIndex(f => new { f.Deleted, f.Namespace, f.Id });
    }
}
