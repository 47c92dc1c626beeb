using Kite.Data.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kite.Data.Configurations;

internal sealed class StorageChunkConfiguration : IEntityTypeConfiguration<StorageChunkRecord>
{
    public void Configure(EntityTypeBuilder<StorageChunkRecord> chunk)
    {
        chunk.ToTable("storage_files");
        chunk.HasKey(c => new { c.Path, c.Chunk });
        // Byte order, so that an execution's files are one range of the primary key: path >= prefix AND path < prefix's successor.
        chunk.Property(c => c.Path).UseCollation("C");
    }
}
