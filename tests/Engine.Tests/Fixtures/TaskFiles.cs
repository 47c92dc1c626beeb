using Kite.Core.Values;
using Kite.Data.Storage;
using Npgsql;

namespace Kite.Engine.Tests.Fixtures;

/// <summary>Reads what tasks left behind: their outputs as plain values and their files from internal storage.</summary>
public static class TaskFiles
{
    public static Dictionary<string, object?> Outputs(this TaskRunView run) =>
        PlainJson.Parse(run.Outputs ?? "{}") as Dictionary<string, object?> ?? [];

    public static async Task<byte[]?> ReadFileAsync(this EngineFixture engine, string uri)
    {
        await using var dataSource = NpgsqlDataSource.Create(engine.Database);
        await using var stream = await new PostgresStorage(dataSource).OpenAsync(StorageUri.Parse(uri), CancellationToken.None);
        if (stream is null)
        {
            return null;
        }

        var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }
}
