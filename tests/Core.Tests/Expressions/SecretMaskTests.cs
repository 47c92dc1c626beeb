using Kite.Core.Expressions;

namespace Kite.Core.Tests.Expressions;

public sealed class SecretMaskTests
{
    [Fact]
    public void Every_occurrence_of_a_read_secret_and_of_its_JSON_escaped_form_is_masked()
    {
        var mask = new SecretMask();
        mask.Add("s3cr\"et");

        Assert.Equal("a ****** b ******", mask.Apply("a s3cr\"et b s3cr\"et"));
        Assert.Equal("{\"v\":\"******\"}", mask.Apply("{\"v\":\"s3cr\\u0022et\"}"));
    }

    [Fact]
    public void A_secret_holding_another_is_masked_whole_and_values_under_four_characters_are_left()
    {
        var mask = new SecretMask();
        mask.Add("token");
        mask.Add("token-and-more");
        mask.Add("abc");

        Assert.Equal("****** then ****** abc", mask.Apply("token-and-more then token abc"));
    }

    [Fact]
    public void Reading_through_the_masking_store_adds_the_value_and_an_unknown_secret_adds_nothing()
    {
        var mask = new SecretMask();
        var store = new MaskingSecretStore(new Store(), mask);

        Assert.Equal("hunter22", store.Get(null, "PASSWORD"));
        Assert.Null(store.Get(null, "NONE"));
        Assert.Equal("pw=******", mask.Apply("pw=hunter22"));
    }

    [Fact]
    public void A_value_is_masked_in_every_text_it_holds_and_one_without_a_secret_is_given_back_as_it_is()
    {
        var mask = new SecretMask();
        mask.Add("hunter22");
        var clean = new Dictionary<string, object?> { ["n"] = 1L, ["t"] = "plain" };
        var value = new Dictionary<string, object?> { ["user"] = "ada", ["list"] = new List<object?> { "x hunter22 y", 3L }, ["clean"] = clean };

        var masked = (IReadOnlyDictionary<string, object?>)mask.Apply((object?)value)!;

        Assert.True(mask.Holds(value));
        Assert.False(mask.Holds(clean));
        Assert.Equal("ada", masked["user"]);
        Assert.Equal(new List<object?> { "x ****** y", 3L }, masked["list"]);
        Assert.Same(clean, masked["clean"]);
        Assert.Equal("x hunter22 y", ((List<object?>)value["list"]!)[0]);
    }

    private sealed class Store : ISecretStore
    {
        public string? Get(string? @namespace, string name) => name == "PASSWORD" ? "hunter22" : null;
    }
}
