using Kite.Data.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kite.Data.Configurations;

internal sealed class KeyValueConfiguration : IEntityTypeConfiguration<KeyValueRecord>
{
    public void Configure(EntityTypeBuilder<KeyValueRecord> kv)
    {
        kv.ToTable("kv");
        kv.HasKey(k => new { k.Namespace, k.Key });
        kv.Property(k => k.Value).HasColumnType("jsonb");
        kv.Property(k => k.Type).HasMaxLength(16);
        // Expired keys read as absent; this index lets a cleaner delete them without scanning the table.
        kv.HasIndex(k => k.ExpirationDate);
    }
}
