using System.Text.Json.Nodes;
using Kite.Data.KeyValue;
using Kite.Integration.Tests.Fixtures;
using Npgsql;

namespace Kite.Integration.Tests.Data.KeyValue;

[Collection(InfrastructureCollection.Name)]
public sealed class KeyValueStoreTests(Infrastructure infrastructure) : IAsyncLifetime
{
    private NpgsqlDataSource dataSource = null!;
    private KeyValueStore store = null!;

    public async Task InitializeAsync()
    {
        dataSource = NpgsqlDataSource.Create(await MigratedDatabase.CreateAsync(infrastructure));
        store = new KeyValueStore(dataSource);
    }

    public async Task DisposeAsync() => await dataSource.DisposeAsync();

    [Fact]
    public async Task A_key_written_reads_back_with_its_type_and_is_listed_in_its_namespace_only()
    {
        Assert.True(await store.SetAsync("company", "answer", "42", KeyValueTypes.Number, null, "the answer", overwrite: true, CancellationToken.None));
        await store.SetAsync("other", "answer", "\"no\"", KeyValueTypes.String, null, null, overwrite: true, CancellationToken.None);

        var entry = await store.GetAsync("company", "answer", CancellationToken.None);
        Assert.NotNull(entry);
        Assert.Equal(("NUMBER", "42", "the answer"), (entry.Type, entry.Value, entry.Description));
        Assert.Equal(["answer"], (await store.ListAsync("company", CancellationToken.None)).Select(e => e.Key));
    }

    [Fact]
    public async Task Without_overwrite_a_live_key_is_kept_but_an_expired_one_is_replaced()
    {
        await store.SetAsync("company", "kept", "1", KeyValueTypes.Number, null, null, overwrite: true, CancellationToken.None);
        await store.SetAsync("company", "expired", "1", KeyValueTypes.Number, DateTimeOffset.UtcNow.AddMinutes(-1), null, overwrite: true, CancellationToken.None);

        Assert.False(await store.SetAsync("company", "kept", "2", KeyValueTypes.Number, null, null, overwrite: false, CancellationToken.None));
        Assert.True(await store.SetAsync("company", "expired", "2", KeyValueTypes.Number, null, null, overwrite: false, CancellationToken.None));

        Assert.Equal("1", (await store.GetAsync("company", "kept", CancellationToken.None))!.Value);
        Assert.Equal("2", (await store.GetAsync("company", "expired", CancellationToken.None))!.Value);
    }

    [Fact]
    public async Task An_expired_key_reads_as_absent_cannot_be_deleted_twice_and_is_cleaned_up()
    {
        await store.SetAsync("company", "gone", "true", KeyValueTypes.Boolean, DateTimeOffset.UtcNow.AddSeconds(-1), null, overwrite: true, CancellationToken.None);
        await store.SetAsync("company", "live", "true", KeyValueTypes.Boolean, DateTimeOffset.UtcNow.AddHours(1), null, overwrite: true, CancellationToken.None);

        Assert.Null(await store.GetAsync("company", "gone", CancellationToken.None));
        Assert.Equal(["live"], (await store.ListAsync("company", CancellationToken.None)).Select(e => e.Key));
        Assert.Equal(1, await store.DeleteExpiredAsync(100, CancellationToken.None));
        Assert.True(await store.DeleteAsync("company", "live", CancellationToken.None));
        Assert.False(await store.DeleteAsync("company", "live", CancellationToken.None));
    }

    [Theory]
    [InlineData("42", "NUMBER")]
    [InlineData("true", "BOOLEAN")]
    [InlineData("{\"a\":1}", "JSON")]
    [InlineData("[1]", "JSON")]
    [InlineData("\"hello\"", "STRING")]
    [InlineData("\"2026-11-23T10:00:00Z\"", "DATETIME")]
    [InlineData("\"2026-11-23\"", "DATE")]
    [InlineData("\"PT5M\"", "DURATION")]
    [InlineData("\"Paris\"", "STRING")]
    public void A_value_without_a_declared_type_is_stored_under_the_type_Kestra_infers(string json, string type) =>
        Assert.Equal(type, KeyValueTypes.Infer(JsonNode.Parse(json)));
}
