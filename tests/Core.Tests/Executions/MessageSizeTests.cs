using Kite.Core.Executions;

namespace Kite.Core.Tests.Executions;

public sealed class MessageSizeTests
{
    [Theory]
    [InlineData("", 2)]
    [InlineData("abc", 5)]
    [InlineData("a\"b\\", 8)]
    [InlineData("\n", 8)]
    [InlineData("é", 4)]
    [InlineData("中", 5)]
    [InlineData("😀", 6)]
    public void A_text_takes_its_UTF8_bytes_with_escapes_and_quotes_as_a_JSON_string(string text, long bytes) =>
        Assert.Equal(bytes, MessageSize.AsJsonString(text));
}
