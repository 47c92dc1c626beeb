using Kite.Data.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kite.Data.Configurations;

internal sealed class PurgeConfiguration : IEntityTypeConfiguration<PurgeRecord>
{
    public void Configure(EntityTypeBuilder<PurgeRecord> purge)
    {
        purge.ToTable("purges");
        purge.HasKey(p => p.Id);
        purge.Property(p => p.Kind).HasMaxLength(32);
        purge.Property(p => p.State).HasMaxLength(16);
        purge.Property(p => p.Request).HasColumnType("jsonb");
        // Housekeeping deletes ended purges by age; the service resumes unfinished ones by state.
        purge.HasIndex(p => new { p.State, p.UpdatedAt });
    }
}
