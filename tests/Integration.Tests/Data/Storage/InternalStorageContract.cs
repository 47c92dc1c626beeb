using System.Security.Cryptography;
using System.Text;
using Kite.Data.Storage;

namespace Kite.Integration.Tests.Data.Storage;

/// <summary>What every internal storage does; each store runs these against its real backend.</summary>
public abstract class InternalStorageContract
{
    protected abstract Task<IInternalStorage> CreateAsync();

    private static StorageUri TaskFile(string executionId, string file = "out.txt") =>
        StorageUri.ForTaskRun("company.team", "etl", executionId, "write", "run1", file);

    private static MemoryStream Text(string text) => new(Encoding.UTF8.GetBytes(text));

    private static async Task<byte[]?> ReadAllAsync(IInternalStorage storage, StorageUri uri)
    {
        await using var stream = await storage.OpenAsync(uri, CancellationToken.None);
        if (stream is null)
        {
            return null;
        }

        var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }

    [Fact]
    public async Task A_file_larger_than_a_chunk_reads_back_byte_for_byte_with_its_size()
    {
        var storage = await CreateAsync();
        var content = RandomNumberGenerator.GetBytes(2 * 1024 * 1024 + 12_345);
        var uri = TaskFile("e1", "big.bin");

        var size = await storage.PutAsync(uri, new MemoryStream(content), CancellationToken.None);

        Assert.Equal(content.Length, size);
        Assert.Equal(content.Length, await storage.SizeAsync(uri, CancellationToken.None));
        Assert.Equal(content, await ReadAllAsync(storage, uri));
    }

    [Fact]
    public async Task An_empty_file_exists_with_size_zero()
    {
        var storage = await CreateAsync();
        var uri = TaskFile("e1", "empty.txt");

        await storage.PutAsync(uri, new MemoryStream(), CancellationToken.None);

        Assert.True(await storage.ExistsAsync(uri, CancellationToken.None));
        Assert.Equal(0, await storage.SizeAsync(uri, CancellationToken.None));
        Assert.Empty((await ReadAllAsync(storage, uri))!);
    }

    [Fact]
    public async Task Putting_a_file_again_replaces_its_content()
    {
        var storage = await CreateAsync();
        var uri = TaskFile("e1");

        await storage.PutAsync(uri, Text("first version, longer"), CancellationToken.None);
        await storage.PutAsync(uri, Text("second"), CancellationToken.None);

        Assert.Equal("second", Encoding.UTF8.GetString((await ReadAllAsync(storage, uri))!));
    }

    [Fact]
    public async Task A_missing_file_opens_as_null_has_no_size_and_deletes_as_false()
    {
        var storage = await CreateAsync();
        var uri = TaskFile("nothing-here");

        Assert.Null(await storage.OpenAsync(uri, CancellationToken.None));
        Assert.Null(await storage.SizeAsync(uri, CancellationToken.None));
        Assert.False(await storage.DeleteAsync(uri, CancellationToken.None));
    }

    [Fact]
    public async Task Deleting_one_file_leaves_its_neighbours()
    {
        var storage = await CreateAsync();
        await storage.PutAsync(TaskFile("e1", "a.txt"), Text("a"), CancellationToken.None);
        await storage.PutAsync(TaskFile("e1", "b.txt"), Text("b"), CancellationToken.None);

        Assert.True(await storage.DeleteAsync(TaskFile("e1", "a.txt"), CancellationToken.None));

        Assert.False(await storage.ExistsAsync(TaskFile("e1", "a.txt"), CancellationToken.None));
        Assert.True(await storage.ExistsAsync(TaskFile("e1", "b.txt"), CancellationToken.None));
    }

    [Fact]
    public async Task Deleting_executions_removes_all_their_files_in_one_call_and_nothing_of_an_execution_whose_id_extends_theirs()
    {
        var storage = await CreateAsync();
        await storage.PutAsync(TaskFile("exec1", "a.txt"), Text("a"), CancellationToken.None);
        await storage.PutAsync(StorageUri.ForInput("company.team", "etl", "exec1", "file", "in.csv"), Text("x,y"), CancellationToken.None);
        await storage.PutAsync(TaskFile("exec2", "b.txt"), Text("b"), CancellationToken.None);
        await storage.PutAsync(TaskFile("exec10", "c.txt"), Text("c"), CancellationToken.None);

        var deleted = await storage.DeleteExecutionsAsync(
            [new ExecutionFiles("company.team", "etl", "exec1"), new ExecutionFiles("company.team", "etl", "exec2")], CancellationToken.None);

        Assert.Equal(3, deleted);
        Assert.Empty(await ListAsync(storage, "exec1"));
        Assert.Empty(await ListAsync(storage, "exec2"));
        Assert.Equal(["company/team/etl/executions/exec10/tasks/write/run1/c.txt"], (await ListAsync(storage, "exec10")).Select(f => f.Uri.Path));
    }

    [Fact]
    public async Task Listing_an_execution_gives_each_file_once_with_its_size_in_path_order()
    {
        var storage = await CreateAsync();
        await storage.PutAsync(TaskFile("e1", "b.txt"), Text("bbb"), CancellationToken.None);
        await storage.PutAsync(TaskFile("e1", "a.txt"), Text("a"), CancellationToken.None);
        await storage.PutAsync(TaskFile("e2", "other.txt"), Text("other"), CancellationToken.None);

        var files = await ListAsync(storage, "e1");

        Assert.Equal(
            [("kestra:///company/team/etl/executions/e1/tasks/write/run1/a.txt", 1L), ("kestra:///company/team/etl/executions/e1/tasks/write/run1/b.txt", 3L)],
            files.Select(f => (f.Uri.ToString(), f.Size)));
    }

    private static async Task<List<StoredFile>> ListAsync(IInternalStorage storage, string executionId)
    {
        var files = new List<StoredFile>();
        await foreach (var file in storage.ListAsync(new ExecutionFiles("company.team", "etl", executionId), CancellationToken.None))
        {
            files.Add(file);
        }

        return files;
    }
}
