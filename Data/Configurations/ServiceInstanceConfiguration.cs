using Kite.Data.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kite.Data.Configurations;

internal sealed class ServiceInstanceConfiguration : IEntityTypeConfiguration<ServiceInstanceRecord>
{
    public void Configure(EntityTypeBuilder<ServiceInstanceRecord> instance)
    {
        instance.ToTable("service_instance");
        instance.HasKey(i => i.Id);
        instance.Property(i => i.State).HasMaxLength(16);
        instance.HasIndex(i => i.HeartbeatAt);
        instance.HasIndex(i => new { i.ServiceType, i.State });
    }
}
