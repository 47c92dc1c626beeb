using Kite.Data.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kite.Data.Configurations;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessageRecord>
{
    public void Configure(EntityTypeBuilder<OutboxMessageRecord> message)
    {
        message.ToTable("outbox");
        message.HasKey(m => m.Id);
        message.Property(m => m.Id).UseIdentityAlwaysColumn();
        message.Property(m => m.Body).HasColumnType("jsonb");
        message.HasIndex(m => m.CreatedAt);
    }
}
