namespace Kite.Data.Storage;

/// <summary>A file found in internal storage and its size in bytes.</summary>
public sealed record StoredFile(StorageUri Uri, long Size);
