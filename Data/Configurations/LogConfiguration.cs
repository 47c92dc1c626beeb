using Kite.Data.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kite.Data.Configurations;

internal sealed class LogConfiguration : IEntityTypeConfiguration<LogRecord>
{
    public void Configure(EntityTypeBuilder<LogRecord> log)
    {
        log.ToTable("logs");
        log.HasKey(l => l.Id);
        log.Property(l => l.Id).UseIdentityAlwaysColumn();
        log.Property(l => l.Level).HasMaxLength(8);
        log.HasIndex(l => new { l.Deleted, l.ExecutionId, l.Timestamp });
        log.HasIndex(l => new { l.Deleted, l.Namespace, l.FlowId, l.Timestamp });
        log.HasIndex(l => new { l.Deleted, l.Timestamp });
    }
}
