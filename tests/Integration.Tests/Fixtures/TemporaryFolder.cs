namespace Kite.Integration.Tests.Fixtures;

/// <summary>A folder under /tmp that is deleted with everything in it when the test ends.</summary>
public sealed class TemporaryFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("kite-test-").FullName;

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
