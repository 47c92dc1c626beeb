namespace Kite.Data.Records;

/// <summary>
/// One chunk of a file in the PostgreSQL internal storage: a file is its chunks in order (an empty file is one empty
/// chunk), so files of any size are written and read a chunk at a time.
/// </summary>
public sealed class StorageChunkRecord
{
    public required string Path { get; set; }
    public int Chunk { get; set; }
    public required byte[] Data { get; set; }
}
