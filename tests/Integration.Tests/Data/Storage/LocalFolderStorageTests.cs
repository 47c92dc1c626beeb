using Kite.Data.Storage;
using Kite.Integration.Tests.Fixtures;

namespace Kite.Integration.Tests.Data.Storage;

public sealed class LocalFolderStorageTests : InternalStorageContract, IDisposable
{
    private readonly TemporaryFolder folder = new();

    protected override Task<IInternalStorage> CreateAsync() => Task.FromResult<IInternalStorage>(new LocalFolderStorage(folder.Path));

    [Fact]
    public async Task A_file_is_a_plain_file_under_the_root_at_its_uri_path()
    {
        var storage = await CreateAsync();

        await storage.PutAsync(StorageUri.Parse("kestra:///company/team/etl/executions/e1/tasks/t/r/x.txt"), new MemoryStream([1, 2, 3]), CancellationToken.None);

        Assert.Equal([1, 2, 3], await File.ReadAllBytesAsync(Path.Combine(folder.Path, "company/team/etl/executions/e1/tasks/t/r/x.txt")));
        Assert.Single(Directory.GetFiles(folder.Path, "*", SearchOption.AllDirectories));
    }

    public void Dispose() => folder.Dispose();
}
