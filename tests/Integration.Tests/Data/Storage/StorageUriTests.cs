using Kite.Data.Storage;

namespace Kite.Integration.Tests.Data.Storage;

public sealed class StorageUriTests
{
    [Fact]
    public void A_task_run_file_is_named_as_kestra_names_it()
    {
        var uri = StorageUri.ForTaskRun("company.team", "etl", "5xYz", "download", "6aBc", "data.csv");

        Assert.Equal("kestra:///company/team/etl/executions/5xYz/tasks/download/6aBc/data.csv", uri.ToString());
        Assert.Equal("data.csv", uri.FileName);
        Assert.Equal(uri, StorageUri.Parse(uri.ToString()));
    }

    [Theory]
    [InlineData("kestra:///a/../../etc/passwd")]
    [InlineData("kestra:///a//b")]
    [InlineData("kestra:///a/%2E%2E/b")]
    [InlineData("kestra:///")]
    [InlineData("file:///etc/passwd")]
    [InlineData("kestra:///a\\b")]
    public void A_uri_that_could_leave_the_storage_root_is_refused(string text)
    {
        Assert.False(StorageUri.TryParse(text, out _, out var error));
        Assert.Contains(text, error, StringComparison.Ordinal);
    }
}
